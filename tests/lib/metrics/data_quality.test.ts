/** The data-quality figures on a hand-made store; the answers are counted by hand. */
import assert from "node:assert/strict";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import {
  notesByImportSql,
  sourceWordsSql,
  unplacedByReasonSql,
  unplacedTicketsSql,
} from "../../../lib/metrics/data_quality.ts";
import { Vocabulary } from "../../../lib/import/vocabularies.ts";
import { table } from "../../../lib/schema.ts";
import { columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";

const day = (d: number) => Date.UTC(2024, 5, d);

const FIXTURE = {
  tickets: {
    ticket_id: ["t1", "t2", "t3", "t4", "t5"],
    created_at: [day(1), day(2), day(3), day(4), day(5)],
    status: ["closed", "open", "closed", "open", "open"],
    status_source: ["网格员关闭", "网格员处理", "已办结", "网格员处理", null],
    kind: ["complaint", null, "complaint", "help", null],
    kind_source: ["投诉", "其他", "投诉类", "求助", null],
    source: ["12345热线", "来信", "12345热线", null, null],
    address: [null, "某某路1号", null, null, "德沁苑3栋"],
    lon: [121.47, null, 121.48, 100, null],
    lat: [31.23, null, 31.23, 10, null],
    compound_id: ["C1", null, null, null, null],
    community_id: ["M1", null, "M1", null, null],
    street_id: ["S1", null, "S1", null, null],
  },
  callbacks: {
    ticket_id: ["t1", "t3"],
    called_at: [day(2), day(4)],
    result: ["satisfied", null],
    result_source: ["满意", "还行吧"],
  },
  import_notes: {
    import_id: ["i1", "i1", "i1", "i2"],
    note_no: [1, 2, 3, 1],
    table_name: ["tickets", "tickets", "tickets", "places"],
    file: ["a.csv", "a.csv", "a.csv", "c.geojson"],
    row: [2, 3, 3, 1],
    record_id: ["t1", "t2", "t2", "C1"],
    field: ["closed_at", "lon", "lat", "name"],
    problem: ["closed 3 s before it was created", '"x" is not a number', "a coordinate without the other", "no name"],
    action: ["kept", "emptied", "emptied", "named"],
    noted_at: [day(6), day(6), day(6), day(7)],
  },
};

async function fixtureDb() {
  const db = await openDenoDuckDB();
  for (const name of ["tickets", "callbacks", "import_notes"]) {
    await db.insertArrowStream(name, tableToStream(columnsToArrow(table(name), FIXTURE[name as keyof typeof FIXTURE])));
  }
  return db;
}

Deno.test("tickets not placed, by reason, and the list of one reason", async () => {
  const db = await fixtureDb();
  assert.deepEqual(await db.query(unplacedByReasonSql()), [
    { reason: "address_not_matched", tickets: 2, share: 0.4 },
    { reason: "outside_compounds", tickets: 1, share: 0.2 },
    { reason: "outside_district", tickets: 1, share: 0.2 },
  ]);
  const list = await db.query(unplacedTicketsSql("address_not_matched"));
  assert.deepEqual(list.map((r) => [r.ticket_id, r.address]), [["t5", "德沁苑3栋"], ["t2", "某某路1号"]]);
  assert.deepEqual((await db.query(unplacedTicketsSql("outside_district", 1))).map((r) => r.ticket_id), ["t4"]);
  assert.throws(() => unplacedTicketsSql("elsewhere" as never), /unknown reason/);
  await db.close();
});

Deno.test("notes by import and field, the newest import first", async () => {
  const db = await fixtureDb();
  assert.deepEqual(await db.query(notesByImportSql()), [
    { import_id: "i2", table_name: "places", file: "c.geojson", field: "name", notes: 1, noted_at: day(7) },
    { import_id: "i1", table_name: "tickets", file: "a.csv", field: "closed_at", notes: 1, noted_at: day(6) },
    { import_id: "i1", table_name: "tickets", file: "a.csv", field: "lat", notes: 1, noted_at: day(6) },
    { import_id: "i1", table_name: "tickets", file: "a.csv", field: "lon", notes: 1, noted_at: day(6) },
  ]);
  await db.close();
});

Deno.test("the words sources wrote, with their codes; those not recognised told by the vocabulary", async () => {
  const db = await fixtureDb();
  const words = await db.query<{ field: string; word: string; code: string | null; rows: number }>(sourceWordsSql());
  assert.deepEqual(words.map((w) => [w.field, w.word, w.code, w.rows]), [
    ["kind", "其他", null, 1],
    ["kind", "投诉", "complaint", 1],
    ["kind", "投诉类", "complaint", 1],
    ["kind", "求助", "help", 1],
    ["result", "满意", "satisfied", 1],
    ["result", "还行吧", null, 1],
    ["source", "12345热线", "12345热线", 2],
    ["source", "来信", "来信", 1],
    ["status", "网格员处理", "open", 2],
    ["status", "已办结", "closed", 1],
    ["status", "网格员关闭", "closed", 1],
  ]);
  const status = new Vocabulary("status");
  assert.deepEqual(words.filter((w) => w.field === "status" && status.lookUp(w.word) === null).map((w) => w.word), [
    "网格员处理",
  ]);
  await db.close();
});
