/** The backlog by age and the overdue list. */
import assert from "node:assert/strict";
import { close, m, pick } from "./fixture_metrics.ts";
import { demoMetrics, facts } from "./demo.ts";

Deno.test("backlog by age bucket and the overdue list", async () => {
  const backlog = await m.backlog({}, { place: "street" });
  // t5 39 days (30+, overdue), t8 0 days, t4 12 days.
  assert.deepEqual(pick(backlog, "place_id", "bucket", "open", "overdue", "age_from_days", "age_to_days"), [
    ["S1", 5, 1, 1, 30, null],
    ["S2", 0, 1, 0, 0, 1],
    ["S2", 3, 1, 0, 7, 15],
  ]);
  const overdue = await m.overdueList({});
  assert.deepEqual(pick(overdue, "ticket_id"), [["t5"]]);
  close(overdue[0].overdue_days, 28.5);
});

Deno.test("demo: backlog and overdue list", async () => {
  const backlog = await demoMetrics.backlog({}, {});
  const open = facts.filter((f) => f.open);
  assert.equal(backlog.reduce((s, r) => s + (r.open as number), 0), open.length);
  assert.equal(backlog.reduce((s, r) => s + (r.overdue as number), 0), open.filter((f) => f.overdue).length);
  const oldest = backlog.find((r) => r.bucket === 5);
  assert.equal(oldest?.open ?? 0, open.filter((f) => f.ageDays! >= 30).length);
  const overdue = await demoMetrics.overdueList({}, { limit: 10_000 });
  assert.deepEqual(overdue.map((r) => r.ticket_id).sort(), open.filter((f) => f.overdue).map((f) => f.id).sort());
});
