/** Resolution: times to close, the on-time rate, stage times. */
import assert from "node:assert/strict";
import { close, m } from "./fixture_metrics.ts";
import { closeTo, demoMetrics, handled, quantile, share } from "./demo.ts";

Deno.test("resolution: median and p90, on-time rate, stage times", async () => {
  const [r] = await m.resolution({}, {});
  // Closed, merged t6 left out: 72, 82, 263, 952 hours; 1, 1, 3, 24 working days.
  assert.equal(r.tickets, 7);
  assert.equal(r.closed, 4);
  close(r.median_hours, 172.5);
  close(r.p90_hours, 263 + 0.7 * (952 - 263));
  close(r.median_working_days, 2);
  close(r.p90_working_days, 3 + 0.7 * 21);
  // On time: t1 t3 t7; late: t2, t5 (open, overdue); t4 t8 not yet due.
  assert.deepEqual([r.on_time, r.with_deadline, r.on_time_rate], [3, 5, 0.6]);
  close(r.median_dispatch_hours, 0.5);
  close(r.median_accept_hours, 5 / 12);
  close(r.median_handle_hours, (81 + 2 / 3 + 262) / 2);
});

Deno.test("demo: resolution times and on-time rate", async () => {
  const [r] = await demoMetrics.resolution({}, {});
  const closed = handled.filter((f) => f.closed);
  assert.equal(r.closed, closed.length);
  closeTo(r.median_hours, quantile(closed.map((f) => f.hours!), 0.5), "median");
  closeTo(r.p90_hours, quantile(closed.map((f) => f.hours!), 0.9), "p90");
  closeTo(r.median_working_days, quantile(closed.map((f) => f.workdays!), 0.5), "median working days");
  closeTo(r.on_time_rate, share(handled, (f) => f.onTime), "on time");
});
