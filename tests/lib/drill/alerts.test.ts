import assert from "node:assert/strict";
import { alertCounts, alertsOfCategories, ladderOf, placeAlerts } from "../../../lib/drill/alerts.ts";
import { placeIndex } from "../../../lib/drill/path.ts";

const index = placeIndex(
  [
    { place_id: "S1", level: "street", name: "东街道", street_id: null, community_id: null },
    { place_id: "S2", level: "street", name: "西街道", street_id: null, community_id: null },
    { place_id: "C1", level: "community", name: "甲社区", street_id: "S1", community_id: null },
    { place_id: "X1", level: "compound", name: "龙泽书苑", street_id: "S1", community_id: "C1" },
    { place_id: "X2", level: "compound", name: "和煦家园", street_id: "S1", community_id: "C1" },
  ],
  [{ building_id: "B1", compound_id: "X1", name: "3栋" }],
);

const surge = (level: string, place: string, category: string | null, grain: string, q: number) => ({
  alert_kind: "surge",
  level,
  place_id: place,
  place_name: place,
  category,
  grain,
  period_start: 0,
  observed: 9,
  expected: 2,
  upper: 5,
  q_value: q,
});
const ROWS = [
  surge("compound", "X1", "供水排水", "day", 0.01),
  surge("compound", "X1", "供水排水", "week", 0.001),
  surge("street", "S1", null, "week", 0.02),
  surge("district", "D", "供水排水", "day", 0.03),
  { alert_kind: "recurrence", level: "building", place_id: "B1", category: "供水排水", observed: 1, period_start: 1 },
  { alert_kind: "recurrence", level: "building", place_id: "B1", category: "供水排水", observed: 3, period_start: 2 },
  { alert_kind: "recurrence", level: "compound", place_id: "X2", category: "噪声", observed: 1, period_start: 3 },
  { alert_kind: "deadline_risk", level: "building", place_id: "B1", category: "噪声", probability: 0.8 },
];

Deno.test("an alert counts for its place and every place above it", () => {
  assert.deepEqual([...ladderOf(index, ROWS[4])], ["building:B1", "compound:X1", "community:C1", "street:S1"]);
  assert.deepEqual([...ladderOf(index, ROWS[3])], ["district:D"]);
  // X1's series once (two grains), its building's two recurrences and a risk; X2's recurrence.
  assert.deepEqual(alertCounts(ROWS, index, "compound"), new Map([["X1", 4], ["X2", 1]]));
  assert.deepEqual(alertCounts(ROWS, index, "street"), new Map([["S1", 6]]));
  assert.deepEqual(alertCounts(ROWS, index, "building"), new Map([["B1", 3]]));
});

Deno.test("a category filter keeps its categories' alerts, not the all-categories series", () => {
  const kept = alertsOfCategories(ROWS, ["供水排水"]);
  assert.deepEqual(alertCounts(kept, index, "street"), new Map([["S1", 3]]));
  assert.equal(alertsOfCategories(ROWS, null), ROWS);
  assert.deepEqual(alertsOfCategories(ROWS, []), []);
});

Deno.test("the panel lists a place's own series, those inside it, its recurrences most repeated first", () => {
  const street = placeAlerts(ROWS, index, { level: "street", id: "S1" });
  assert.deepEqual(street.own.map((s) => [s.placeId, s.category]), [["S1", null]]);
  assert.deepEqual(street.inside.map((s) => [s.placeId, s.grain]), [["X1", "week"]]);
  assert.deepEqual(street.recurrences.map((r) => r.observed), [3, 1, 1]);
  assert.equal(street.deadlineRisks, 1);
  const compound = placeAlerts(ROWS, index, { level: "compound", id: "X2" });
  assert.deepEqual([compound.own, compound.inside, compound.recurrences.length], [[], [], 1]);
  const district = placeAlerts(ROWS, index, null);
  assert.deepEqual(district.own.map((s) => s.placeId), ["D"]);
  assert.equal(district.inside.length, 2);
  assert.equal(district.recurrences.length, 3);
});
