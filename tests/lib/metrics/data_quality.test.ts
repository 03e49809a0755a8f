/** The data-quality figures on a hand-made store; the answers are counted by hand. */
import assert from "node:assert/strict";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import {
  addressSuggestionsSql,
  nearestCompoundsSql,
  notesByImportSql,
  type SourceWord,
  sourceWordsSql,
  unplacedByReasonSql,
  unplacedShareSql,
  unplacedTicketsSql,
  unrecognisedWords,
} from "../../../lib/metrics/data_quality.ts";
import { Vocabulary } from "../../../lib/import/vocabularies.ts";
import { table } from "../../../lib/schema.ts";
import { columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";

const day = (d: number) => Date.UTC(2024, 5, d);

const FIXTURE = {
  tickets: {
    ticket_id: ["t1", "t2", "t3", "t4", "t5", "t6", "t7"],
    created_at: [day(1), day(2), day(3), day(4), day(5), day(6), day(7)],
    status: ["closed", "open", "closed", "open", "open", "open", "open"],
    status_source: ["网格员关闭", "网格员处理", "已办结", "网格员处理", null, null, null],
    kind: ["complaint", null, "complaint", "help", null, null, null],
    kind_source: ["投诉", "其他", "投诉类", "求助", null, null, null],
    source: ["12345热线", "来信", "12345热线", null, null, "微信", null],
    address: [null, "某某路1号", null, null, "德沁园3栋", "和园小区5号楼", "东街道和苑2栋"],
    lon: [121.47, null, 121.48, 100, null, null, null],
    lat: [31.23, null, 31.23, 10, null, null, null],
    compound_id: ["C1", null, null, null, null, null, null],
    community_id: ["M1", null, "M1", null, null, "M2", null],
    street_id: ["S1", null, "S1", null, null, null, null],
  },
  places: {
    place_id: ["C1", "C2", "C3", "C4", "M1", "M2"],
    level: ["compound", "compound", "compound", "compound", "community", "community"],
    name: ["德沁苑", "和园", "和苑", "沁园春", "一社区", "二社区"],
    aliases: [null, null, "东和苑|和苑小区", null, null, null],
    parent_id: ["M1", "M1", "M2", "M2", null, null],
    lon: [121.47, 121.481, 121.5, null, 121.47, 121.5],
    lat: [31.23, 31.23, 31.23, null, 31.23, 31.23],
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

const note = (import_id: string, table_name: string, file: string, field: string, notes: number, noted_at: number) => ({
  import_id,
  table_name,
  file,
  field,
  notes,
  noted_at,
});

async function fixtureDb() {
  const db = await openDenoDuckDB();
  for (const name of ["tickets", "callbacks", "import_notes", "places"]) {
    await db.insertArrowStream(name, tableToStream(columnsToArrow(table(name), FIXTURE[name as keyof typeof FIXTURE])));
  }
  return db;
}

Deno.test("tickets not placed, by reason, and the list of one reason", async () => {
  const db = await fixtureDb();
  assert.deepEqual(await db.query(unplacedByReasonSql()), [
    { reason: "address_not_matched", tickets: 4, share: 4 / 7 },
    { reason: "outside_compounds", tickets: 1, share: 1 / 7 },
    { reason: "outside_district", tickets: 1, share: 1 / 7 },
  ]);
  assert.deepEqual(await db.query(unplacedShareSql()), [{ unplaced: 6, tickets: 7, share: 6 / 7 }]);
  const list = await db.query(unplacedTicketsSql("address_not_matched"));
  assert.deepEqual(list.map((r) => [r.ticket_id, r.address]), [
    ["t7", "东街道和苑2栋"],
    ["t6", "和园小区5号楼"],
    ["t5", "德沁园3栋"],
    ["t2", "某某路1号"],
  ]);
  assert.deepEqual((await db.query(unplacedTicketsSql("outside_district", 1))).map((r) => r.ticket_id), ["t4"]);
  assert.throws(() => unplacedTicketsSql("elsewhere" as never), /unknown reason/);
  await db.close();
});

Deno.test("an empty store has no share of tickets not placed", async () => {
  const db = await openDenoDuckDB();
  await db.insertArrowStream("tickets", tableToStream(columnsToArrow(table("tickets"), {})));
  assert.deepEqual(await db.query(unplacedShareSql()), [{ unplaced: 0, tickets: 0, share: null }]);
  await db.close();
});

Deno.test("compounds an unmatched address may mean: names sharing half their character pairs", async () => {
  const db = await fixtureDb();
  const rows = await db.query(addressSuggestionsSql());
  assert.deepEqual(rows.map((r) => [r.ticket_id, r.place_id, r.name, r.score]), [
    // 德沁园 shares 德沁 of 德沁苑 (1 of 2 pairs) and 沁园 of 沁园春 (1 of 2).
    ["t5", "C1", "德沁苑", 0.5],
    ["t5", "C4", "沁园春", 0.5],
    // t6 is in community M2: 和园 (C2) is M1's, so not offered, and 和苑 shares nothing with 和园小区.
    // 东街道和苑: the alias 东和苑 shares 和苑 (1 of 2 pairs), the name 和苑 its only pair: the name's score is kept.
    ["t7", "C3", "和苑", 1],
  ]);
  assert.deepEqual((await db.query(addressSuggestionsSql(500, 1))).map((r) => [r.ticket_id, r.place_id]), [
    ["t5", "C1"],
    ["t7", "C3"],
  ]);
  await db.close();
});

Deno.test("the compounds nearest a ticket outside every compound, by distance to their centre", async () => {
  const db = await fixtureDb();
  // t3 at 121.48° E, 31.23° N: 0.001° of longitude there is 6371008.8 m × π/180 × 0.001 × cos 31.23° = 95 m.
  assert.deepEqual((await db.query(nearestCompoundsSql())).map((r) => [r.ticket_id, r.place_id, r.name, r.metres]), [
    ["t3", "C2", "和园", 95],
    ["t3", "C1", "德沁苑", 951],
    ["t3", "C3", "和苑", 1902],
  ]);
  assert.deepEqual((await db.query(nearestCompoundsSql(500, 1))).map((r) => r.place_id), ["C2"]);
  await db.close();
});

Deno.test("notes by import and field, the newest import first", async () => {
  const db = await fixtureDb();
  assert.deepEqual(await db.query(notesByImportSql()), [
    { ...note("i2", "places", "c.geojson", "name", 1, day(7)), first_row: 1, example: "no name" },
    {
      ...note("i1", "tickets", "a.csv", "closed_at", 1, day(6)),
      first_row: 2,
      example: "closed 3 s before it was created",
    },
    { ...note("i1", "tickets", "a.csv", "lat", 1, day(6)), first_row: 3, example: "a coordinate without the other" },
    { ...note("i1", "tickets", "a.csv", "lon", 1, day(6)), first_row: 3, example: '"x" is not a number' },
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
    ["source", "微信", "微信", 1],
    ["source", "来信", "来信", 1],
    ["status", "网格员处理", "open", 2],
    ["status", "已办结", "closed", 1],
    ["status", "网格员关闭", "closed", 1],
  ]);
  const status = new Vocabulary("status");
  assert.deepEqual(words.filter((w) => w.field === "status" && status.lookUp(w.word) === null).map((w) => w.word), [
    "网格员处理",
  ]);
  // 微信 is a word of the channel 小程序, stored as written here to show the table, not the code, decides.
  assert.deepEqual(unrecognisedWords(words as SourceWord[]).map((w) => [w.field, w.word, w.rows]), [
    ["kind", "其他", 1],
    ["result", "还行吧", 1],
    ["source", "来信", 1],
    ["status", "网格员处理", 2],
  ]);
  await db.close();
});
