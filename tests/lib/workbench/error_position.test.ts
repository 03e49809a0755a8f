import assert from "node:assert/strict";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { lineAndColumn, parseQueryError } from "../../../lib/workbench/error_position.ts";

Deno.test("the text form: DuckDB's caret becomes an offset in the statement", async () => {
  const db = await openDenoDuckDB();
  const sql = "SELECT 1 AS a,\n  2 AS b FORM t";
  const raw = await db.query(sql).then(() => "", (e: Error) => e.message);
  await db.close();
  const { message, offset } = parseQueryError(raw, sql);
  assert.match(message, /syntax error at or near "FORM"/);
  assert.equal(sql.slice(offset!), "FORM t");
  assert.deepEqual(lineAndColumn(sql, offset!), { line: 2, column: 10 });
});

Deno.test("the browser's JSON form: the message and its position", () => {
  const raw = JSON.stringify({
    exception_type: "Parser",
    exception_message: 'syntax error at or near "tickets"',
    position: "21",
  });
  assert.deepEqual(parseQueryError(raw, "SELECT count(*) FORM tickets"), {
    message: 'Parser Error: syntax error at or near "tickets"',
    offset: 21,
  });
});

Deno.test("messages without a position give none", () => {
  assert.deepEqual(parseQueryError("Catalog Error: Table with name nope does not exist!", "x"), {
    message: "Catalog Error: Table with name nope does not exist!",
    offset: null,
  });
});
