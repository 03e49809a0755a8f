/** Faults of a whole file, refused with one error naming it; and faults a reader repairs, kept with a note. */
import assert from "node:assert/strict";
import { FIXTURES, run } from "./helpers.ts";

const fault = (name: string) => Deno.readFile(new URL(`faults/${name}`, FIXTURES));
const tickets = async (name: string, options = {}) => run("tickets", name, await fault(name), {}, options);

Deno.test("encodings: UTF-8 with or without a mark, UTF-16, GB18030 even behind a UTF-8 or UTF-16 mark", async () => {
  for (
    const name of [
      "utf8.csv",
      "utf8_bom.csv",
      "utf16le_bom.csv",
      "gb18030.csv",
      "gb18030_utf8_bom.csv",
      "gb18030_utf16_bom.csv",
    ]
  ) {
    const { columns, summary } = await tickets(name);
    assert.deepEqual(columns!.ticket_id, ["E1", "E2"], `${name}: the first header is read`);
    assert.deepEqual(columns!.description, ["暖气不热", "楼道灯坏了"], name);
    assert.equal(summary.notes, 0, name);
  }
});

Deno.test("a UTF-8 file with one bad byte is refused, naming the byte's row and column, not read as GB18030", async () => {
  await assert.rejects(
    tickets("utf8_bad_byte.csv"),
    /utf8_bad_byte\.csv is neither UTF-8 nor GB18030 text: the first byte that is not UTF-8 is at row 3, column 21 \(byte 0xff\)/,
  );
});

Deno.test("a binary file is one file-level error, not hundreds of rejected rows", async () => {
  await assert.rejects(
    tickets("binary.csv"),
    /binary\.csv is not a text file: a binary zero byte at row \d+, column \d+/,
  );
});

Deno.test("an unterminated quote closes at the end of its line, with a note; reading resumes on the next line", async () => {
  const { columns, notes, summary } = await tickets("unterminated_quote.csv");
  assert.deepEqual(columns!.ticket_id, ["Q1", "Q2", "Q3"]);
  assert.deepEqual(columns!.description, ["暖气不热,受理", "楼道灯坏了", '电梯"停了"']);
  assert.deepEqual(notes.map((n) => [n.row, n.record_id, n.problem]), [
    [2, "Q1", "a quote in this row is never closed"],
    [2, "Q1", "3 fields where the header has 4"],
  ]);
  assert.match(notes[0].action, /closed at the end of its line/);
  assert.deepEqual([summary.read, summary.stored, summary.rejected], [3, 3, 0]);
});

Deno.test("rows with too few or too many fields are kept, with a note", async () => {
  const { columns, notes } = await tickets("ragged.csv");
  assert.deepEqual(columns!.ticket_id, ["R1", "R2"]);
  assert.deepEqual(columns!.status, ["open", "closed"]);
  assert.deepEqual(notes.map((n) => [n.row, n.problem, n.action]), [
    [2, "2 fields where the header has 4", "the missing fields left empty, row kept"],
    [3, "6 fields where the header has 4", "fields after the 4th dropped, row kept"],
  ]);
});

Deno.test("a field over the size limit is cut, with a note; the limit can be set", async () => {
  const { columns, notes } = await tickets("long_field.csv");
  assert.equal((columns!.description[0] as string).length, 65_536);
  assert.equal(columns!.description[1], "短");
  assert.deepEqual(notes.map((n) => [n.row, n.field, n.record_id]), [[2, "description", "L1"]]);
  assert.match(notes[0].problem, /80000 characters, more than the limit of 65536/);
  const small = await tickets("long_field.csv", { fieldLimit: 10 });
  assert.equal((small.columns!.description[0] as string).length, 10);
});

Deno.test("workbooks: a zip bomb, a zip without a workbook and a text file named .xlsx are refused", async () => {
  await assert.rejects(
    tickets("zip_bomb.xlsx"),
    /zip_bomb\.xlsx would unpack to 300 MB, more than the limit of 200 MB/,
  );
  await assert.rejects(
    tickets("zip_without_workbook.xlsx"),
    /is not an Excel workbook \(\.xlsx\): it has no xl\/workbook\.xml/,
  );
  await assert.rejects(
    tickets("not_a_workbook.xlsx"),
    /not_a_workbook\.xlsx is not an Excel workbook \(\.xlsx\): it is not a zip/,
  );
});
