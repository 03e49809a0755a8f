/** The three rates (响应率, 解决率, 满意率). */
import assert from "node:assert/strict";
import { close, m, pick } from "./fixture_metrics.ts";
import { asOf, closeTo, demoMetrics, handled, inStreet, share } from "./demo.ts";

Deno.test("the three rates", async () => {
  const [r] = await m.rates({}, {});
  // Responded in 24 h: t1 t3 t4 t7 t8 of 7; due by now t1 t2 t3 t5 t7, resolved t1 t3 t7; rated t1 t2 t7.
  assert.deepEqual(
    [r.responded, r.response_due, r.resolved, r.due, r.resolution_rate, r.satisfied, r.rated],
    [5, 7, 3, 5, 0.6, 2, 3],
  );
  close(r.response_rate, 5 / 7);
  close(r.satisfaction_rate, 2 / 3);
  const byStreet = await m.rates({}, { place: "street" });
  assert.deepEqual(pick(byStreet, "place_id", "responded", "response_due", "due"), [["S1", 3, 5, 5], ["S2", 2, 2, 0]]);
});

Deno.test("demo: the three rates per street", async () => {
  const rows = await demoMetrics.rates({}, { place: "street" });
  for (const r of rows) {
    const list = inStreet(handled, r.place_id as string);
    closeTo(r.response_rate, share(list, (f) => f.responded), "response");
    const due = list.filter((f) => f.due <= asOf);
    closeTo(r.resolution_rate, due.filter((f) => f.closed && !f.reopened).length / due.length, "resolution");
    closeTo(
      r.satisfaction_rate,
      share(list, (f) => f.result === null ? null : f.result !== "unsatisfied"),
      "satisfaction",
    );
  }
});
