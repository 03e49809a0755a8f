/** The importers on real third-party files (tests/fixtures/real, credited in its SOURCES.md). */
import assert from "node:assert/strict";
import { mapping, REAL, row, run } from "./helpers.ts";

const read = (path: string) => Deno.readFile(new URL(path, REAL));

Deno.test("Shanghai OSM buildings: tile-cut pieces merge into one building each", async () => {
  const outcome = await run(
    "buildings",
    "buildings.geojson",
    await read("osm-shanghai/shanghai_huangpu_hongkou_nextzen_buildings.geojson"),
  );
  const s = outcome.summary;
  assert.equal(s.read, 1572);
  assert.equal(s.rejected, 0);
  assert.equal(s.stored, 1450, "distinct building ids");
  assert.equal(s.piecesMerged, 1572 - 1450);
  const b = row(outcome.columns!, "building_id", "40778072");
  assert.equal(b.name, "上海国际会议中心");
  assert.equal(b.height, 20);
  assert.equal(JSON.parse(b.geometry as string).type, "Polygon");
  assert.ok(outcome.overlaps.length > 0, "OSM building parts overlap their buildings and are reported");
});

Deno.test("NYC 311 sample: every row stored or rejected, New York times", async () => {
  const outcome = await run("tickets", "nyc311.csv", await read("tickets/nyc311_2022-05-01_sample.csv"), {}, {
    mapping: await mapping("nyc311.map.json"),
  });
  const s = outcome.summary;
  assert.equal(s.read, 924);
  assert.equal(s.stored + s.rejected, 924);
  for (const r of outcome.rejects) assert.ok(r.reason && r.row > 1, JSON.stringify(r));
  const t = row(outcome.columns!, "ticket_id", "54046813");
  assert.equal(new Date(t.created_at as number).toISOString(), "2022-05-01T04:00:09.000Z");
  assert.equal(new Date(t.closed_at as number).toISOString(), "2022-05-01T04:07:46.000Z");
  assert.equal(t.status, "closed");
  assert.equal(t.status_source, "Closed");
  assert.equal(t.category, "Noise - Street/Sidewalk");
  assert.equal(row(outcome.columns!, "ticket_id", "54049402").status, "open");
  assert.match(t.h3_r9 as string, /^89/);
  assert.equal(s.unassigned, s.stored, "no NYC ticket lies in an empty store's places");
});

Deno.test("LA 311 subset: every row stored or rejected, short Los Angeles times", async () => {
  const outcome = await run("tickets", "la311.csv", await read("tickets/MyLA311_2020_jan_subset.csv"), {}, {
    mapping: await mapping("la311.map.json"),
  });
  const s = outcome.summary;
  assert.equal(s.read, 10_000);
  assert.equal(s.stored + s.rejected, 10_000);
  const t = row(outcome.columns!, "ticket_id", "1-1523590121");
  assert.equal(new Date(t.created_at as number).toISOString(), "2020-01-01T08:05:00.000Z");
  assert.equal(new Date(t.closed_at as number).toISOString(), "2020-01-02T16:43:00.000Z");
  assert.equal(t.source, "Call");
  const withoutCoordinates = outcome.columns!.lat.filter((x) => x === null).length;
  assert.ok(withoutCoordinates > 0, "some LA rows have no coordinates and are kept");
});

Deno.test("Chinese division codes: streets as places, codes kept as text, parents linked", async () => {
  const outcome = await run("places", "streets.csv", await read("admin/streets.csv"), {}, {
    level: "street",
    mapping: { place_id: "code", code: "code", name: "name", parent_id: "areaCode" },
  });
  const s = outcome.summary;
  assert.equal(s.read, 41_352);
  assert.equal(s.stored + s.rejected, 41_352);
  const p = row(outcome.columns!, "place_id", "110101001");
  assert.deepEqual([p.name, p.code, p.parent_id, p.level], ["东华门街道", "110101001", "110101", "street"]);
});
