/**
 * `deno task sql "SELECT …" [--data DIR] [--format table|csv|json] [--utc]`: runs SQL on a
 * store with the same DuckDB-WASM engine and table names as the browser's workbench.
 * Times print as ISO text in the deployment's zone (`2019-04-25 09:32:09`, the offset of
 * data/config/deadlines.json), or in UTC with its offset with `--utc`, in every format:
 * an analyst reads times, not epoch milliseconds.
 */
import { DataType, type Table as ArrowTable } from "apache-arrow";
import { parseArgs } from "node:util";
import { dataDir, usesDemoData } from "../lib/config.ts";
import { arrowToRows, type Row } from "../lib/db/connector.ts";
import { toCsv } from "../lib/export/csv.ts";
import { DEFAULT_CONFIG } from "../lib/metrics/deadlines.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { openStoreDb } from "../lib/store/open_store_db.ts";

const USAGE = `usage: deno task sql "SELECT …" [--data DIR] [--format table|csv|json] [--utc]
  --data DIR   the store to query (default: $LINLI_DATA, else the built-in demo store)
  --format     table (default), csv or json
  --utc        times in UTC with their offset (2019-04-25 01:32:09+00:00); default: local time
               of the deployment (UTC${DEFAULT_CONFIG.utcOffsetHours >= 0 ? "+" : ""}${DEFAULT_CONFIG.utcOffsetHours})`;

/** Epoch ms as `YYYY-MM-DD HH:MM:SS[.mmm]` at an offset, with the offset written when asked. */
export function timeText(ms: number, offsetHours: number, withOffset: boolean): string {
  const iso = new Date(ms + offsetHours * 3_600_000).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, iso.endsWith(".000Z") ? 19 : 23)}`;
  if (!withOffset) return text;
  const minutes = Math.abs(Math.round(offsetHours * 60));
  const sign = offsetHours < 0 ? "-" : "+";
  return `${text}${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The rows of a result with TIMESTAMP columns as time text and DATE columns as `YYYY-MM-DD`. */
export function readableRows(table: ArrowTable, utc: boolean): Row[] {
  const rows = arrowToRows(table);
  for (const field of table.schema.fields) {
    const format = DataType.isTimestamp(field.type)
      ? (ms: number) => utc ? timeText(ms, 0, true) : timeText(ms, DEFAULT_CONFIG.utcOffsetHours, false)
      : DataType.isDate(field.type)
      ? (ms: number) => new Date(ms).toISOString().slice(0, 10)
      : null;
    if (!format) continue;
    for (const row of rows) {
      if (typeof row[field.name] === "number") row[field.name] = format(row[field.name] as number);
    }
  }
  return rows;
}

async function main() {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      data: { type: "string" },
      format: { type: "string", default: "table" },
      utc: { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  if (values.help || positionals.length !== 1 || !["table", "csv", "json"].includes(values.format!)) {
    console.error(USAGE);
    Deno.exit(values.help ? 0 : 2);
  }

  const dir = values.data ?? dataDir();
  if (!values.data && usesDemoData()) await ensureDemoStore(dir);
  const { db } = await openStoreDb(dir);
  try {
    const rows = readableRows(await db.queryArrow(positionals[0]), values.utc!);
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
}

if (import.meta.main) await main();
