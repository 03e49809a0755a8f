/** Escalation: the level tickets were resolved at. */
import assert from "node:assert/strict";
import { m, pick } from "./fixture_metrics.ts";
import { closeTo, demoMetrics, handled, inStreet, share } from "./demo.ts";

Deno.test("escalation: share resolved within the compound, by category", async () => {
  const [e] = await m.escalation({}, {});
  assert.deepEqual(
    [e.at_building, e.at_compound, e.at_community, e.at_street, e.at_district, e.within_compound_share],
    [2, 1, 1, 0, 0, 0.75],
  );
  const byCategory = await m.escalation({}, { category: true });
  assert.deepEqual(pick(byCategory, "category", "within_compound_share"), [["停车", 1], ["物业管理", 1], [
    "违章搭建",
    0,
  ]]);
});

Deno.test("demo: escalation per street", async () => {
  for (const r of await demoMetrics.escalation({}, { place: "street" })) {
    const list = inStreet(handled, r.place_id as string).filter((f) => f.closed);
    closeTo(
      r.within_compound_share,
      share(list, (f) => f.level === null ? null : ["building", "compound"].includes(f.level)),
    );
  }
});
