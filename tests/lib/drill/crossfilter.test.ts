/** The cross-filter's views answer the same from cubes as from `tickets`, on the metrics fixture. */
import assert from "node:assert/strict";
import { CHART_VIEWS, type ChartView, CrossFilter, viewCube, viewSql } from "../../../lib/drill/crossfilter.ts";
import { SelectionIndex } from "../../../lib/drill/selection_index.ts";
import { TimeIndex } from "../../../lib/drill/time_index.ts";
import type { Axis } from "../../../lib/metrics/cube.ts";
import type { Filter } from "../../../lib/metrics/filter.ts";
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
    assert.doesNotMatch(viewSql("compounds", "day", filter, 8), /street_id IN/, "the map ignores the place");
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

Deno.test("clicks on a list or a place, answered in the page from the cubes, agree with tickets at every step", async () => {
  const db = await fixtureDb();
  try {
    const range = { from: Date.parse("2024-01-01T00:00:00+08:00"), to: Date.parse("2024-04-01T00:00:00+08:00") };
    const steps: [Axis, Filter][] = [
      ["category", { categories: ["物业管理"] }],
      ["category", { categories: ["物业管理", "停车"] }],
      ["category", { categories: [] }],
      ["category", { categories: ["no such category"] }],
      ["category", {}],
      ["status", { statuses: ["closed"] }],
      ["place", { placeLevel: "street", placeIds: ["S1"] }],
      ["place", { placeLevel: "compound", placeIds: ["X1", "X3"] }],
      ["place", { placeLevel: "community", placeIds: [] }],
      ["place", { placeLevel: "district" }],
    ];
    for (const readOnly of [false, true]) {
      let asked = 0;
      const counted = {
        ...db,
        readOnly,
        query: <T>(sql: string) => {
          asked++;
          // The server's answers: a query, never a table of the page's own.
          if (readOnly && !/^\s*(WITH|SELECT)\b/.test(sql)) throw new Error(`not a query: ${sql}`);
          return db.query<T>(sql);
        },
      };
      const clicks = new CrossFilter(counted, 8);
      for (const grain of ["day", "week"] as const) {
        for (const [i, [active, part]] of steps.entries()) {
          const filter = { ...range, ...part };
          const raw = await new CrossFilter(db, 8).query(filter, null, grain);
          const before = asked;
          const clicked = await clicks.query(filter, active, grain);
          const label = `${readOnly ? "read-only " : ""}${grain} ${JSON.stringify(part)}`;
          // Once its cubes are read, a further click of the same control asks the engine nothing.
          if (i > 0 && steps[i - 1][0] === active) assert.equal(asked, before, label);
          // The clicked list's own view is whatever it was before the click: the other views are compared.
          const own = (Object.keys(CHART_VIEWS) as ChartView[]).find((view) => CHART_VIEWS[view] === active)!;
          assert.deepEqual({ ...clicked, [own]: raw[own] }, raw, label);
        }
      }
    }
  } finally {
    await db.close();
  }
});

Deno.test("sums over chosen values count as filterSql chooses: none for an empty list, all for no list or the district", () => {
  const rows = [
    { street_id: "S1", community_id: "C1", compound_id: "X1", key: "2024-02-01", tickets: 2 },
    { street_id: "S1", community_id: "C1", compound_id: "X2", key: "2024-02-01", tickets: 3 },
    { street_id: "S2", community_id: "C2", compound_id: "X3", key: "2024-02-02", tickets: 5 },
    { street_id: "S2", community_id: null, compound_id: null, key: null, tickets: 7 },
  ];
  const index = SelectionIndex.from("place", rows);
  assert.deepEqual(index.count({ placeLevel: "street", placeIds: ["S1"] }), [{ key: "2024-02-01", tickets: 5 }]);
  assert.deepEqual(index.count({ placeLevel: "compound", placeIds: ["X1", "X3", "X9"] }), [
    { key: "2024-02-01", tickets: 2 },
    { key: "2024-02-02", tickets: 5 },
  ]);
  assert.deepEqual(index.count({ placeLevel: "community", placeIds: [] }), []);
  assert.deepEqual(index.count({ placeLevel: "district", placeIds: ["D"] }).map((r) => r.tickets), [7, 5, 5]);
  assert.deepEqual(index.count({}).map((r) => r.key), ["", "2024-02-01", "2024-02-02"]);
  const categories = SelectionIndex.from("category", [
    { category: "停车", key: "X1", tickets: 1 },
    { category: null, key: "X1", tickets: 4 },
  ]);
  assert.deepEqual(categories.count({ categories: ["停车"] }), [{ key: "X1", tickets: 1 }]);
  assert.deepEqual(categories.count({}), [{ key: "X1", tickets: 5 }]);
  assert.throws(() => index.count({ placeLevel: "building", placeIds: ["B1"] }), /no building_id/);
});
