/** Faults of one field: the row is kept, the field stored or emptied, and a note says which and why. */
import assert from "node:assert/strict";
import { row, run } from "./helpers.ts";

const IMPORTED_AT = Date.UTC(2024, 5, 1);
const tickets = (csv: string, options = {}) =>
  run("tickets", "t.csv", csv, {}, { importedAt: IMPORTED_AT, ...options });

Deno.test("implausible times: a creation time rejects the row, any other is emptied with a note", async () => {
  const csv = "工单编号,受理时间,办结时间,办理时限\n" +
    "P1,2024-04-19 08:30,99999999999999999,2024-04-26 08:30\n" +
    "P2,1970-01-01 08:00,,\n" +
    "P3,2024-04-19 08:30,0099-04-19 08:30,\n" +
    "P4,2024-04-19 08:30,2024-04-20T08:30:00+25:99,\n" +
    "P5,99999999999999999,,\n" +
    "P6,2024-04-19 08:30,2024-06-03 08:30,1985-01-01 00:00\n";
  const { summary, columns, rejects, notes } = await tickets(csv);
  assert.deepEqual(columns!.ticket_id, ["P1", "P3", "P4", "P6"]);
  assert.deepEqual(rejects.map((r) => [r.row, r.field]), [[3, "created_at"], [6, "created_at"]]);
  assert.match(rejects[0].reason, /"1970-01-01 08:00" \(read as 1970-01-01T00:00:00.000Z\) is not a plausible time/);
  assert.deepEqual(notes.map((n) => [n.row, n.record_id, n.field]), [
    [2, "P1", "closed_at"],
    [4, "P3", "closed_at"],
    [5, "P4", "closed_at"],
    [7, "P6", "closed_at"],
    [7, "P6", "due_at"],
  ]);
  assert.match(notes[0].problem, /"99999999999999999" is not a plausible time/);
  assert.match(notes[1].problem, /"0099-04-19 08:30" \(read as 0099-04-19T/, "year 0099 is not 1999");
  assert.match(notes[2].problem, /offset \+25:99, which no place uses/);
  assert.match(
    notes[3].problem,
    /"2024-06-03 08:30" .* is not a plausible time: before 1990 or after the import/,
  );
  for (const name of ["closed_at", "due_at"]) {
    assert.ok(columns![name].every((t) => t === null || (t as number) < IMPORTED_AT + 86_400_000), name);
  }
  assert.equal(row(columns!, "ticket_id", "P1").due_at, Date.UTC(2024, 3, 26, 0, 30));
  assert.deepEqual([summary.read, summary.stored, summary.rejected, summary.notes], [6, 4, 2, 5]);
});

Deno.test("closed before created: both times kept, with a note that there is no resolution time", async () => {
  const csv = "工单编号,受理时间,办结时间\nQ1,2024-04-19 08:30:40,2024-04-19 08:30:02\n";
  const { columns, notes } = await tickets(csv);
  assert.deepEqual([columns!.created_at[0], columns!.closed_at[0]], [
    Date.UTC(2024, 3, 19, 0, 30, 40),
    Date.UTC(2024, 3, 19, 0, 30, 2),
  ]);
  assert.equal(columns!.status[0], "closed");
  assert.deepEqual(notes.map((n) => [n.row, n.field]), [[2, "closed_at"]]);
  assert.match(notes[0].problem, /closed 38 s before it was created/);
  assert.match(notes[0].action, /kept as read; no resolution time/);
});

Deno.test("vocabularies: compound closing words, kinds by code, sources by name, unknown words counted", async () => {
  const words = [
    ["网格员关闭", "投诉", "12345"],
    ["网格长关闭", "咨询类", "微信小程序"],
    ["直接办结", "举报", "网格员巡查"],
    ["未办结", "表扬", "热线电话"],
    ["网格员处理", "建议", "来信"],
    ["网格员处理", "求助", "来信"],
    ["网格员处理", "其他", ""],
  ];
  const csv = "工单编号,受理时间,工单状态,诉求类型,来源\n" +
    words.map((w, i) => `V${i},2024-04-19 08:30,${w.join(",")}`).join("\n");
  const { columns, summary } = await tickets(csv);
  assert.deepEqual(columns!.status, ["closed", "closed", "closed", "open", "open", "open", "open"]);
  assert.deepEqual(columns!.status_source, words.map((w) => w[0]));
  assert.deepEqual(columns!.kind, ["complaint", "enquiry", "report", "praise", "suggestion", "help", null]);
  assert.deepEqual(columns!.kind_source, words.map((w) => w[1]));
  assert.deepEqual(columns!.source, ["12345热线", "小程序", "入户走访", "12345热线", "来信", "来信", null]);
  assert.deepEqual(summary.unrecognised, [
    "status words not recognised: 网格员处理 (3)",
    "kind words not recognised: 其他 (1)",
    "source words not recognised: 来信 (2)",
  ]);

  const mapped = await tickets(csv, {
    mapping: { values: { status: { 网格员处理: "closed" }, source: { 来信: "信件" } } },
  });
  assert.deepEqual(mapped.columns!.status.slice(4), ["closed", "closed", "closed"]);
  assert.deepEqual(mapped.columns!.source.slice(4, 6), ["信件", "信件"]);
  assert.deepEqual(mapped.summary.unrecognised, ["kind words not recognised: 其他 (1)"]);
  await assert.rejects(
    tickets(csv, { mapping: { values: { status: { 网格员处理: "done" } } } }),
    /one of open, closed/,
  );
  await assert.rejects(tickets(csv, { mapping: { values: { colour: {} } } }), /not one of status, kind/);
});
