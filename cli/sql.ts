/**
 * `deno task sql "SELECT …" [--data DIR] [--format table|csv|json]`: runs SQL on a store
 * with the same DuckDB-WASM engine and table names as the browser's workbench.
 */
import { parseArgs } from "node:util";
import { dataDir, usesDemoData } from "../lib/config.ts";
import { toCsv } from "../lib/export/csv.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { openStoreDb } from "../lib/store/open_store_db.ts";

const USAGE = `usage: deno task sql "SELECT …" [--data DIR] [--format table|csv|json]
  --data DIR   the store to query (default: $LINLI_DATA, else the built-in demo store)
  --format     table (default), csv or json`;

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: { data: { type: "string" }, format: { type: "string", default: "table" }, help: { type: "boolean" } },
});
if (values.help || positionals.length !== 1 || !["table", "csv", "json"].includes(values.format!)) {
  console.error(USAGE);
  Deno.exit(values.help ? 0 : 2);
}

const dir = values.data ?? dataDir();
if (!values.data && usesDemoData()) await ensureDemoStore(dir);
const { db } = await openStoreDb(dir);
try {
  const rows = await db.query(positionals[0]);
  if (values.format === "table") {
    console.table(rows);
    console.log(`(${rows.length} rows)`);
  } else console.log(values.format === "json" ? JSON.stringify(rows, null, 2) : toCsv(rows));
} catch (e) {
  console.error(`sql: ${(e as Error).message}`);
  Deno.exitCode = 1;
} finally {
  await db.close();
}
