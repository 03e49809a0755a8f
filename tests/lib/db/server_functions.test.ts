import assert from "node:assert/strict";
import { serverFunctions } from "../../../lib/db/server_functions.ts";

/** A call as `json_serialize_sql` writes it, inside a select list. */
const call = (name: string, children: unknown[] = []) => ({
  class: "FUNCTION",
  type: "FUNCTION",
  function_name: name,
  schema: "",
  catalog: "",
  children,
});
const select = (...expressions: unknown[]) => ({
  error: false,
  statements: [{ node: { type: "SELECT_NODE", select_list: expressions, from_table: { type: "EMPTY" } } }],
});

Deno.test("calls that tell of the server are named, wherever they are nested, each once", () => {
  const ast = select(
    call("upper", [call("current_setting", [{ class: "CONSTANT", value: { value: "temp_directory" } }])]),
    call("Current_Setting"),
    { type: "TABLE_FUNCTION", function: call("duckdb_databases") },
    { type: "SUBQUERY", subquery: select(call("pragma_database_list"), call("getenv")) },
    { type: "BASE_TABLE", schema_name: "", table_name: "duckdb_settings" },
  );
  assert.deepEqual(serverFunctions(ast), [
    "current_setting",
    "duckdb_databases",
    "pragma_database_list",
    "getenv",
    "duckdb_settings",
  ]);
});

Deno.test("the scope's own catalog, ordinary functions and strings that look like calls are left alone", () => {
  const ast = select(
    call("count"),
    { type: "TABLE_FUNCTION", function: call("duckdb_columns") },
    call("pragma_table_info"),
    { type: "BASE_TABLE", schema_name: "", table_name: "tickets" },
    { class: "CONSTANT", value: { type: { id: "VARCHAR" }, value: "duckdb_settings()" }, alias: "getenv" },
  );
  assert.deepEqual(serverFunctions(ast), []);
});
