/**
 * A stored table back into the `Columns` shape of lib/schema.ts, with the value
 * conventions importers use: text as strings (dictionary-encoded columns decoded),
 * TIMESTAMP and DATE as epoch ms numbers, BIGINT as numbers, nulls as null.
 */
import type { Table as ArrowTable } from "apache-arrow";
import { type Columns, type Table, table as schemaTable } from "../schema.ts";
import { streamToTable } from "./arrow.ts";
import { type Manifest, readTableStream } from "./store.ts";

export function streamToColumns(tableName: string, bytes: Uint8Array): Columns {
  return arrowToColumns(schemaTable(tableName), streamToTable(bytes));
}

/**
 * An Arrow table (a stream read back, or a DuckDB result) as `table`'s columns; a
 * DuckDB result must give TIMESTAMP and DATE columns as epoch ms (`epoch_ms(…)`).
 */
export function arrowToColumns(table: Table, arrow: ArrowTable): Columns {
  const n = arrow.numRows;
  return Object.fromEntries(
    table.columns.map((c) => {
      const vector = arrow.getChild(c.name);
      if (!vector) return [c.name, new Array(n).fill(null)];
      const values = vector.toArray();
      // Typed arrays (numbers, timestamps as BigInt64Array) carry no nulls; text, dates and booleans come as arrays with them.
      if (Array.isArray(values)) return [c.name, values];
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = vector.isValid(i) ? Number(values[i]) : null;
      return [c.name, out];
    }),
  );
}

export async function readColumns(dir: string, manifest: Manifest | null, tableName: string): Promise<Columns> {
  if (!manifest?.tables[tableName]) return streamToColumns(tableName, new Uint8Array());
  return streamToColumns(tableName, await readTableStream(dir, manifest, tableName));
}
