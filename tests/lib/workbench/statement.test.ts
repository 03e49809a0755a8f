import assert from "node:assert/strict";
import { statementSpans, statementToRun } from "../../../lib/workbench/statement.ts";

const TEXT = `SELECT 1;
-- a comment; not a split
SELECT ';' AS semi, "a;b" FROM t;

/* block; comment */ SELECT 3`;

Deno.test("statements split on semicolons outside quotes and comments", () => {
  const spans = statementSpans(TEXT).map((s) => TEXT.slice(s.from, s.to));
  assert.deepEqual(spans, [
    "SELECT 1",
    "-- a comment; not a split\nSELECT ';' AS semi, \"a;b\" FROM t",
    "/* block; comment */ SELECT 3",
  ]);
});

Deno.test("the cursor picks its statement; a selection wins", () => {
  const at = (needle: string) => TEXT.indexOf(needle);
  assert.equal(statementToRun(TEXT, { from: 3, to: 3 }), "SELECT 1");
  assert.match(statementToRun(TEXT, { from: at("semi"), to: at("semi") }), /^-- a comment.*FROM t$/s);
  assert.equal(statementToRun(TEXT, { from: TEXT.length, to: TEXT.length }), "/* block; comment */ SELECT 3");
  assert.equal(statementToRun(TEXT, { from: at("SELECT 3"), to: TEXT.length }), "SELECT 3");
  assert.equal(statementToRun("  ", { from: 0, to: 0 }), "");
});
