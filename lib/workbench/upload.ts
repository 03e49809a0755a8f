/**
 * Brings an analyst's own CSV or XLSX file into their DuckDB as a new table, to join
 * with ours. The file is read in the browser and never sent anywhere.
 */
import { tableFromArrays, tableToIPC } from "apache-arrow";
import type { Connector } from "../db/connector.ts";
import { fromXlsx } from "../export/xlsx.ts";
import { tableNameFor } from "./catalog.ts";

export interface BroughtIn {
  table: string;
  rows: number;
}

export async function bringInFile(
  db: Connector,
  file: { name: string; bytes: Uint8Array },
  takenNames: string[],
): Promise<BroughtIn> {
  const table = tableNameFor(file.name, takenNames);
  if (/\.xlsx$/i.test(file.name)) {
    const { columns, rows } = await fromXlsx(file.bytes);
    if (!columns.length) throw new Error(`${file.name}: the first sheet is empty`);
    const arrays = Object.fromEntries(columns.map((c) => [c, typedColumn(rows.map((r) => r[c]))]));
    await db.insertArrowStream(table, tableToIPC(tableFromArrays(arrays), "stream"));
  } else if (/\.(csv|tsv|txt)$/i.test(file.name)) {
    // DuckDB's own CSV reader is core (no extension) and sniffs delimiters, headers and types.
    const path = `uploads/${table}.csv`;
    await db.registerFile(path, file.bytes);
    await db.query(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${path}', header = true)`);
  } else {
    throw new Error(`${file.name}: only .csv and .xlsx files can be brought in`);
  }
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return { table, rows: n };
}

/** Numbers stay numbers when every value is one; anything else becomes text. Blanks stay null. */
function typedColumn(values: unknown[]): (number | null)[] | (string | null)[] {
  if (values.every((v) => v == null || typeof v === "number")) return values as (number | null)[];
  return values.map((v) => v == null ? null : String(v));
}
