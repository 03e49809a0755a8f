/** The daily digest's tables: each kind under its labelled columns, in the page's language. */
import assert from "node:assert/strict";
import { digestTables, SHOWN_RECURRENCE_GROUPS } from "../../../lib/alerts/digest.ts";
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
    period: "05-13 起 7 天",
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
  assert.equal(digestTables(rows, "en")[0].rows[0].period, "7 days from 05-13");
});

const recurrence = (ticket: string, place: string, category: string, position: number, day: number) => ({
  alert_kind: "recurrence",
  level: "building",
  place_id: place,
  place_name: place,
  category,
  period_start: Date.UTC(2024, 4, day),
  observed: position,
  score: 3,
  ticket_id: ticket,
  related_ticket_id: `${ticket}-before`,
});

Deno.test("digest: recurrences shown by place and category, chains first; the saved table lists every ticket", () => {
  const many = [
    recurrence("a1", "B1", "供水排水", 1, 13),
    recurrence("b1", "B2", "噪声扰民", 1, 14),
    recurrence("b2", "B2", "噪声扰民", 1, 16),
    recurrence("c1", "B3", "供水排水", 1, 15),
    recurrence("c2", "B3", "供水排水", 2, 17),
    recurrence("c3", "B3", "供水排水", 3, 19),
    recurrence("c4", "B3", "供水排水", 4, 19),
    recurrence("d1", "B3", "噪声扰民", 1, 12),
    // Enough single recurrences elsewhere that the page lists only the first groups.
    ...Array.from({ length: SHOWN_RECURRENCE_GROUPS }, (_, i) => recurrence(`z${i}`, `Z${i}`, "停车", 1, 10)),
  ];
  const table = digestTables(many, "zh-CN")[1];
  assert.equal(table.rows.length, many.length, "every recurrence is saved");
  const shown = table.shown!;
  assert.deepEqual(shown.columns.map((c) => c.key), ["place", "category", "count", "most", "latest", "tickets"]);
  assert.equal(shown.groups, SHOWN_RECURRENCE_GROUPS + 4);
  assert.equal(shown.rows.length, SHOWN_RECURRENCE_GROUPS);
  assert.equal(shown.more, 4);
  assert.deepEqual(shown.rows[0], {
    place: "楼栋 B3",
    category: "供水排水",
    count: 4,
    most: 4,
    latest: "2024-05-19",
    tickets: "c3、c4、c2 …",
  });
  // Then two recurrences of one place before single ones, the newest single first.
  assert.deepEqual(shown.rows.slice(1, 4).map((r) => [r.place, r.category, r.count]), [
    ["楼栋 B2", "噪声扰民", 2],
    ["楼栋 B1", "供水排水", 1],
    ["楼栋 B3", "噪声扰民", 1],
  ]);
  assert.equal(digestTables(many, "en")[1].shown!.columns[2].label, "Recurrences");
  assert.equal(digestTables([], "zh-CN")[1].shown!.rows.length, 0);
});
