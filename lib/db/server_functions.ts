/**
 * The functions a query the server did not write may not call: those that tell of the
 * server rather than of the scope's data (its files' paths, its settings, its environment).
 * The scope's own catalog (tables, columns, views) stays open: pages read it, and it is
 * in the file the browser downloads anyway. Judged on DuckDB's own parse of the SQL
 * (`json_serialize_sql`), so quoting, comments, casing and qualified names change nothing.
 */

/** DuckDB's catalog functions that describe what the scope's file holds, and nothing of the machine. */
const CATALOG = new Set([
  "duckdb_columns",
  "duckdb_constraints",
  "duckdb_dependencies",
  "duckdb_functions",
  "duckdb_indexes",
  "duckdb_keywords",
  "duckdb_schemas",
  "duckdb_sequences",
  "duckdb_tables",
  "duckdb_types",
  "duckdb_views",
  "pragma_table_info",
]);

/** Beyond the `duckdb_` and `pragma_` families (databases' paths, settings, extensions, memory, files). */
const MACHINE = new Set(["current_setting", "getenv", "which_secret"]);

function tellsOfServer(name: string): boolean {
  const lower = name.toLowerCase();
  if (CATALOG.has(lower)) return false;
  return MACHINE.has(lower) || lower.startsWith("duckdb_") || lower.startsWith("pragma_");
}

/**
 * The functions of `ast` (the parsed JSON of `json_serialize_sql`) that tell of the server,
 * each once, in the order they come: called, or named as a table (DuckDB binds
 * `FROM pragma_database_list` to the function). An alias or a string that looks like one
 * is not a call.
 */
export function serverFunctions(ast: unknown): string[] {
  const found = new Set<string>();
  const note = (name: unknown) => typeof name === "string" && tellsOfServer(name) && found.add(name.toLowerCase());
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const { type, table_name } = node as { type?: unknown; table_name?: unknown };
    if (type === "BASE_TABLE") note(table_name);
    for (const [key, value] of Object.entries(node)) {
      if (key === "function_name") note(value);
      else walk(value);
    }
  };
  walk(ast);
  return [...found];
}
