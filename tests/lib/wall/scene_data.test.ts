import assert from "node:assert/strict";
import { PERSONAL_COLUMNS } from "../../../lib/schema.ts";
import { recentClosuresSql } from "../../../lib/wall/closures.ts";
import { DEFAULT_WALL_CONFIG, SCENES } from "../../../lib/wall/config.ts";
import { GI_COLORS } from "../../../lib/map/palette.ts";
import { hotspotLayer } from "../../../lib/wall/hotspot_layer.ts";
import { MIN_BUILDING_COUNT, showableBuildingRows } from "../../../lib/privacy/small_counts.ts";
import { loadWallData } from "../../../lib/wall/scene_data.ts";
import { backlogSql } from "../../../lib/metrics/backlog.ts";
import { createViews } from "../../../lib/metrics/views.ts";
import { at, fixtureDb } from "../metrics/fixture.ts";

/** The fixture as the wall receives it: without residents' personal columns. */
async function publicFixture() {
  const db = await fixtureDb();
  for (const column of PERSONAL_COLUMNS.tickets) await db.query(`ALTER TABLE tickets DROP COLUMN ${column}`);
  await createViews(db);
  return db;
}

const db = await publicFixture();
const wall = await loadWallData(db, DEFAULT_WALL_CONFIG);

Deno.test("the wall's figures come from the public store, as of the newest ticket", () => {
  assert.equal(wall.asOf, at("2024-05-10 12:00"));
  assert.deepEqual(Object.keys(wall.scenes).sort(), [...SCENES].sort());
});

Deno.test("the map scene counts today and this month up to the as-of", async () => {
  const map = wall.scenes.map!;
  // t8 is the only ticket of 10 May, and of May.
  assert.equal(map.today, 1);
  assert.equal(map.month, 1);
  assert.equal(map.open, 3);
  const [{ n }] = await db.query<{ n: number }>("SELECT count(*) AS n FROM ticket_facts WHERE overdue_open");
  assert.equal(map.overdue, n);
  // The fixture has no H3 cells, so no hotspots: an empty overlay, not an error.
  assert.equal(map.hotspots.features.length, 0);
});

Deno.test("streets are ranked by the mean of their three rates", () => {
  const ranking = wall.scenes.ranking!;
  assert.deepEqual(ranking.map((r) => r.placeId).sort(), ["S1", "S2"]);
  assert.equal(ranking[0].name.endsWith("街道"), true);
  for (let i = 1; i < ranking.length; i++) assert.ok((ranking[i - 1].score ?? -1) >= (ranking[i].score ?? -1));
});

Deno.test("the backlog lists the longest overdue and leaves out buildings with fewer than 3", () => {
  const backlog = wall.scenes.backlog!;
  assert.equal(backlog.open, 3);
  assert.equal(backlog.buckets.reduce((sum, b) => sum + b.open, 0), 3);
  assert.ok(backlog.longest.length > 0);
  assert.ok(backlog.longest.every((r) => r.overdueDays > 0 && r.place.startsWith("小区")));
  // No building of the fixture has 3 overdue tickets.
  assert.deepEqual(backlog.buildings, []);
});

Deno.test("a scene with nothing to show is null, not zeros", () => {
  // No ticket received in April or May is closed.
  assert.equal(wall.scenes.callbacks, null);
});

Deno.test("recent closures: newest first, merged duplicates left out, places by name", () => {
  const closures = wall.scenes.closures!;
  assert.deepEqual(closures.map((r) => r.ticketId), ["t2", "t7", "t3", "t1"]);
  assert.deepEqual(closures[1], {
    ticketId: "t7",
    closedAt: at("2024-03-18 10:00"),
    community: "甲社区",
    compound: "小区X1",
    category: "物业管理",
    status: "—",
    resolvedLevel: "building",
    callbackResult: "basic",
  });
  assert.doesNotMatch(recentClosuresSql(5), /reporter|phone|description|address/);
});

Deno.test("a store without tickets gives every scene empty", async () => {
  const empty = await fixtureDb();
  await empty.query("DELETE FROM tickets");
  const data = await loadWallData(empty, DEFAULT_WALL_CONFIG);
  assert.equal(data.asOf, null);
  assert.ok(Object.values(data.scenes).every((s) => s === null));
});

Deno.test("building counts below 3 are not shown", () => {
  const rows = [["b1", 2], ["b2", MIN_BUILDING_COUNT], ["b3", 9]] as const;
  assert.deepEqual(showableBuildingRows([...rows], ([, n]) => n).map(([id]) => id), ["b2", "b3"]);
});

Deno.test("hot and cold cells are coloured by class, the others drawn clear", () => {
  const layer = hotspotLayer([
    { id: "8831908423fffff", tickets: 9, z: 3, p: 0.001, class: "hot99" },
    { id: "8831908425fffff", tickets: 0, z: 0, p: 1, class: "none" },
  ]);
  assert.equal(layer.features.length, 2);
  assert.equal(layer.features[0].properties.color, GI_COLORS.dark.hot99);
  assert.equal(layer.features[1].properties.color, GI_COLORS.dark.none);
  const ring = (layer.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
  assert.equal(ring.length, 7);
  assert.deepEqual(ring[0], ring[6]);
});

Deno.test("one refresh asks for the district's backlog once, though two scenes show it", async () => {
  const asked: string[] = [];
  const counting: typeof db = Object.create(db);
  counting.query = (sql, options) => (asked.push(sql), db.query(sql, options));
  const again = await loadWallData(counting, DEFAULT_WALL_CONFIG);
  assert.deepEqual(again, wall);
  assert.equal(asked.filter((sql) => sql === backlogSql({}, {})).length, 1);
});
