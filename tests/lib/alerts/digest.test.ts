/** The daily digest's tables: each kind under its labelled columns, in the page's language. */
import assert from "node:assert/strict";
import { digestTables } from "../../../lib/alerts/digest.ts";
import { toCsv } from "../../../lib/export/csv.ts";

const rows = [
  {
    alert_kind: "surge",
    level: "street",
    place_id: "S1",
    place_name: "东街道",
    category: null,
    grain: "week",
    period_start: Date.UTC(2024, 4, 13),
    observed: 40,
    expected: 20.04,
    upper: 29.96,
    q_value: 0.0123,
  },
  {
    alert_kind: "recurrence",
    level: "building",
    place_id: "X1B1",
    place_name: "小区X11栋",
    category: "供水排水",
    period_start: Date.UTC(2024, 4, 18),
    observed: 2,
    score: 8.04,
    ticket_id: "c",
    related_ticket_id: "b",
  },
  {
    alert_kind: "deadline_risk",
    level: "building",
    place_id: "X1B1",
    place_name: "小区X11栋",
    category: "=HYPERLINK(1)",
    period_start: Date.UTC(2024, 4, 22),
    observed: 5,
    expected: 7,
    probability: 0.62,
    ticket_id: "t9",
  },
];

Deno.test("digest: one table per kind, places by level and name, periods and probabilities as people read them", () => {
  const [surges, recurrences, risks] = digestTables(rows, "zh-CN");
  assert.deepEqual(surges.rows, [{
    place: "街道 东街道",
    category: "全部类别",
    period: "近 7 天 2024-05-13",
    observed: 40,
    expected: 20,
    upper: 30,
    q: 0.012,
  }]);
  assert.deepEqual(recurrences.rows[0], {
    ticket: "c",
    place: "楼栋 小区X11栋",
    category: "供水排水",
    received: "2024-05-18",
    previous: "b",
    days: 8,
    position: 2,
  });
  assert.equal(risks.rows[0].age, "5 / 7");
  assert.equal(risks.rows[0].probability, "62.0%");
  // A category that reads as a formula stays text in the export.
  assert.ok(!toCsv(risks.rows).includes(",=HYPERLINK"));
  assert.deepEqual(risks.columns.map((c) => c.label)[0], "工单编号");
  assert.equal(digestTables(rows, "en")[0].columns[0].label, "Place");
});
