/** Repeats and merged duplicates. */
import assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../../lib/metrics/deadlines.ts";
import { m, pick } from "./fixture_metrics.ts";
import { DAY, demoMetrics, facts, handled } from "./demo.ts";

Deno.test("repeats and merged duplicates", async () => {
  // X1B1 物业管理: t1 and t7, 36 days apart (t6, merged, does not count).
  assert.deepEqual(pick(await m.repeats({}, { minCount: 2 }), "place_id", "category", "tickets", "max_in_window"), [[
    "X1B1",
    "物业管理",
    2,
    2,
  ]]);
  assert.deepEqual(await m.repeats({}, { minCount: 3 }), []);
  assert.deepEqual(await m.repeats({}, { minCount: 2, windowDays: 30 }), []);
  assert.deepEqual(pick(await m.repeats({}, { minCount: 2, level: "compound" }), "place_id"), [["X1"]]);
  assert.deepEqual(await m.merged({}, {}), [{ tickets: 8, merged: 1, merged_share: 0.125 }]);
});

Deno.test("demo: repeats and merged duplicates", async () => {
  const groups = new Map<string, number[]>();
  for (const f of handled) {
    groups.set(`${f.building}|${f.category}`, [...groups.get(`${f.building}|${f.category}`) ?? [], f.created]);
  }
  const window = DEFAULT_CONFIG.repeats.windowDays * DAY;
  const expected = [...groups].filter(([, times]) =>
    times.some((t) => times.filter((u) => u <= t && u >= t - window).length >= DEFAULT_CONFIG.repeats.minCount)
  ).map(([key]) => key).sort();
  const rows = await demoMetrics.repeats({});
  assert.deepEqual(rows.map((r) => `${r.place_id}|${r.category}`).sort(), expected);
  assert.ok(expected.length > 0);
  const [merged] = await demoMetrics.merged({}, {});
  assert.equal(merged.merged, facts.filter((f) => f.merged).length);
});
