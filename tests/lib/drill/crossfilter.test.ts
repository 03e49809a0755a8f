/** The cross-filter's views answer the same from cubes as from `tickets`, on the metrics fixture. */
import assert from "node:assert/strict";
import { CrossFilter, viewCube, viewSql } from "../../../lib/drill/crossfilter.ts";
import { TimeIndex } from "../../../lib/drill/time_index.ts";
import { fixtureDb } from "../metrics/fixture.ts";

Deno.test("the cross-filter gives the same counts with and without cubes", async () => {
  const db = await fixtureDb();
  try {
    const filter = {
      from: Date.parse("2024-02-01T00:00:00+08:00"),
      to: Date.parse("2024-03-01T00:00:00+08:00"),
      placeLevel: "street" as const,
      placeIds: ["S1"],
    };
    const raw = await new CrossFilter(db, 8).query(filter, null, "day");
    const cubed = await new CrossFilter(db, 8).query(filter, "time", "day");
    assert.deepEqual(cubed, raw);
    assert.ok(raw.categories.length > 0);
    assert.equal(viewCube("timeline", "time", filter, 8), null, "a view never reads a cube of its own axis");
    assert.doesNotMatch(viewSql("compounds", "day", filter, null, 8), /street_id IN/, "the map ignores the place");
  } finally {
    await db.close();
  }
});

Deno.test("a moving time brush, answered from running totals, agrees with tickets at every step", async () => {
  const db = await fixtureDb();
  try {
    const brush = new CrossFilter(db, 8);
    const day = (d: string) => Date.parse(`${d}T00:00:00+08:00`);
    const ranges: [string | undefined, string | undefined][] = [
      ["2024-02-01", "2024-03-01"],
      ["2024-02-02", "2024-02-20"],
      ["2024-01-01", "2024-02-02"],
      [undefined, "2024-02-15"],
      ["2024-02-10", undefined],
      ["2030-01-01", "2030-02-01"],
    ];
    for (const [from, to] of ranges) {
      const filter = {
        from: from ? day(from) : undefined,
        to: to ? day(to) : undefined,
        categories: ["物业管理", "停车"],
      };
      const raw = await new CrossFilter(db, 8).query(filter, null, "day");
      const moved = await brush.query(filter, "time", "day");
      assert.deepEqual({ ...moved, timeline: raw.timeline }, raw, `${from} to ${to}`);
    }
  } finally {
    await db.close();
  }
});

Deno.test("running totals count a half-open range of local days and leave out keys without tickets", () => {
  const index = TimeIndex.from([
    { key: "b", day: "2024-02-01", tickets: 2 },
    { key: "a", day: "2024-02-01", tickets: 1 },
    { key: "a", day: "2024-02-03", tickets: 4 },
    { key: null, day: "2024-02-02", tickets: 7 },
  ]);
  const at = (d: string) => Date.parse(`${d}T00:00:00+08:00`);
  assert.deepEqual(index.count(at("2024-02-01"), at("2024-02-03"), 8), [
    { key: "", tickets: 7 },
    { key: "a", tickets: 1 },
    { key: "b", tickets: 2 },
  ]);
  assert.deepEqual(index.count(at("2024-02-03"), undefined, 8), [{ key: "a", tickets: 4 }]);
  assert.deepEqual(index.count(at("2024-03-01"), at("2024-04-01"), 8), []);
  assert.deepEqual(index.count(undefined, undefined, 8).map((r) => r.tickets), [7, 5, 2]);
});
