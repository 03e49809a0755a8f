/** Callbacks: coverage, timeliness, unsatisfied, reopened. */
import assert from "node:assert/strict";
import { close, m } from "./fixture_metrics.ts";
import { closeTo, demoMetrics, handled, share } from "./demo.ts";

Deno.test("callbacks: coverage, timeliness, unsatisfied, reopened", async () => {
  const [c] = await m.callbacks({}, {});
  // Closed t1 t2 t3 t7; called back t1 t2 t7; in time t1 t7 (t2 late, t3 never).
  assert.deepEqual(
    [c.closed, c.called_back, c.coverage, c.called_back_in_time, c.callback_due, c.timeliness],
    [4, 3, 0.75, 2, 4, 0.5],
  );
  close(c.unsatisfied_share, 1 / 3);
  assert.deepEqual([c.with_unsatisfied_callback, c.reopened_after_unsatisfied, c.reopened_share], [1, 1, 1]);
});

Deno.test("demo: callbacks", async () => {
  const [r] = await demoMetrics.callbacks({}, {});
  const closed = handled.filter((f) => f.closed);
  closeTo(r.coverage, closed.filter((f) => f.calledBack).length / closed.length, "coverage");
  closeTo(r.timeliness, share(closed, (f) => f.calledBackInTime), "timeliness");
  closeTo(
    r.unsatisfied_share,
    share(closed, (f) => f.result === null ? null : f.result === "unsatisfied"),
    "unsatisfied",
  );
  closeTo(r.reopened_share, share(closed, (f) => f.unsatisfied ? f.reopened : null), "reopened");
});
