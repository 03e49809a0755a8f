/** The alerts as people read them: one line per surging series, the other kinds counted. */
import assert from "node:assert/strict";
import { summariseAlerts } from "../../../lib/alerts/present.ts";

const surge = (placeId: string, grain: string, q: number, observed = 10) => ({
  alert_kind: "surge",
  level: "compound",
  place_id: placeId,
  place_name: `小区${placeId}`,
  category: "供暖",
  grain,
  period_start: 0,
  observed,
  expected: 2,
  upper: 5,
  q_value: q,
});

Deno.test("alerts summary: a series once, by its strongest evidence, week before day at equal strength", () => {
  const summary = summariseAlerts([
    surge("X1", "day", 0.01),
    surge("X1", "week", 0.01, 30),
    surge("X2", "day", 0.001),
    { alert_kind: "recurrence" },
    { alert_kind: "deadline_risk" },
    { alert_kind: "deadline_risk" },
  ]);
  assert.deepEqual(summary.surges.map((s) => [s.placeId, s.grain, s.observed, s.placeName]), [
    ["X2", "day", 10, "小区X2"],
    ["X1", "week", 30, "小区X1"],
  ]);
  assert.equal(summary.recurrences, 1);
  assert.equal(summary.deadlineRisks, 2);
});
