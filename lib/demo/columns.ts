/** Turns row objects of the small tables into the columnar shape of lib/schema.ts. */
import { type Columns, table } from "../schema.ts";

export type Row = Record<string, unknown>;

export function toColumns(tableName: string, rows: readonly Row[]): Columns {
  const names = table(tableName).columns.map((c) => c.name);
  const known = new Set(names);
  for (const row of rows) {
    for (const key in row) {
      if (!known.has(key)) throw new Error(`${tableName} has no column "${key}"`);
    }
  }
  return Object.fromEntries(names.map((name) => [name, rows.map((r) => r[name] ?? null)]));
}
