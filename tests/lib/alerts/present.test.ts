/** The alerts as people read them: one line per surging series, the other kinds counted. */
import assert from "node:assert/strict";
import { summariseAlerts, surgePeriod } from "../../../lib/alerts/present.ts";

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

Deno.test("a surge's period: the day, or the 7 days from the week's first", () => {
  const periodStart = Date.UTC(2026, 10, 8);
  assert.equal(surgePeriod({ grain: "week", periodStart }, "zh-CN"), "11-08 起 7 天");
  assert.equal(surgePeriod({ grain: "week", periodStart }, "en"), "7 days from 11-08");
  assert.equal(surgePeriod({ grain: "day", periodStart }, "zh-CN"), "11-08 当日");
  assert.equal(surgePeriod({ grain: "day", periodStart }, "en"), "11-08");
});
