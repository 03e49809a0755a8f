/**
 * A scope held on the server (lib/db/server_held.ts): answers as the page's own engine
 * gives them, Arrow tables of the columns' types made without arrow's builders, and no
 * table of the page's own.
 */
import assert from "node:assert/strict";
import { arrowToRows, type TypedColumns } from "../../../lib/db/connector.ts";
import { answerToArrow, HELD_ON_SERVER, serverHeld } from "../../../lib/db/server_held.ts";

const ANSWER: TypedColumns = {
  columns: {
    street: ["s1", null, "街道二"],
    n: [3, 0, null],
    closed: [true, false, null],
    created_at: [Date.UTC(2024, 0, 2, 3, 4), null, Date.UTC(2025, 5, 6)],
    day: [Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), null],
    tags: [["a", "b"], null, []],
  },
  types: {
    street: "VARCHAR",
    n: "BIGINT",
    closed: "BOOLEAN",
    created_at: "TIMESTAMP",
    day: "DATE",
    tags: "VARCHAR[]",
  },
};

Deno.test("an answer becomes an Arrow table of its columns' types, with its nulls", () => {
  const table = answerToArrow(ANSWER);
  assert.deepEqual(
    table.schema.fields.map((f) => [f.name, String(f.type)]),
    [
      ["street", "Utf8"],
      ["n", "Int64"],
      ["closed", "Bool"],
      ["created_at", "Timestamp<MILLISECOND>"],
      ["day", "Date64<MILLISECOND>"],
      ["tags", "Utf8"],
    ],
  );
  assert.deepEqual(arrowToRows(table), [
    {
      street: "s1",
      n: 3,
      closed: true,
      created_at: ANSWER.columns.created_at[0],
      day: ANSWER.columns.day[0],
      tags: '["a","b"]',
    },
    { street: null, n: 0, closed: false, created_at: null, day: ANSWER.columns.day[1], tags: null },
    { street: "街道二", n: null, closed: null, created_at: ANSWER.columns.created_at[2], day: null, tags: "[]" },
  ]);
});

Deno.test("an answer without rows keeps its columns", () => {
  const table = answerToArrow({ columns: { a: [], b: [] }, types: { a: "INTEGER", b: "VARCHAR" } });
  assert.equal(table.numRows, 0);
  assert.deepEqual(table.schema.fields.map((f) => f.name), ["a", "b"]);
});

Deno.test("the connection asks the server for everything and makes no table of its own", async () => {
  const asked: string[] = [];
  let cancels = 0;
  const db = serverHeld({
    answer: (sql) => (asked.push(sql), Promise.resolve(ANSWER)),
    query: () => Promise.reject(new Error("the connection asks for answers by column")),
    cancel: () => (cancels++, Promise.resolve(true)),
  });
  assert.equal(db.readOnly, true);
  assert.deepEqual((await db.query("SELECT 1")).map((r) => r.street), ["s1", null, "街道二"]);
  assert.equal((await db.queryArrow("SELECT 2")).numRows, 3);
  assert.deepEqual(asked, ["SELECT 1", "SELECT 2"]);
  await assert.rejects(db.insertArrowStream("cube", new Uint8Array()), { message: HELD_ON_SERVER });
  await assert.rejects(db.registerFile("upload.csv", new Uint8Array()), { message: HELD_ON_SERVER });
  assert.equal(await db.cancel(), true);
  assert.equal(cancels, 1);
});
