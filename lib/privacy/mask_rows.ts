/**
 * Rows that left DuckDB (a review pack's tables, sent back to the server to be frozen)
 * with residents' fields masked by the same SQL, run over their values: a column is a
 * residents' field when lib/schema.ts declares a ticket column of that name personal.
 */
import type { Connector, Row } from "../db/connector.ts";
import { sqlString } from "../metrics/sql.ts";
import { table } from "../schema.ts";
import { maskSql } from "./mask.ts";

const PERSONAL = table("tickets").columns.filter((c) => c.personal);
const NAME = PERSONAL.find((c) => c.personal === "name")!.name;

export async function maskRows(db: Connector, rows: Row[]): Promise<Row[]> {
  const columns = PERSONAL.filter((c) => rows.some((r) => c.name in r));
  if (columns.length === 0) return rows;
  const names = [...new Set([NAME, ...columns.map((c) => c.name)])];
  const literal = (v: unknown) => v == null ? "NULL::VARCHAR" : sqlString(String(v));
  const values = rows.map((r, i) => `(${i}, ${names.map((n) => literal(r[n])).join(", ")})`).join(",\n");
  const masked = await db.query(
    `SELECT ${columns.map((c) => `${maskSql(c.personal!, c.name, NAME)} AS ${c.name}`).join(", ")}
FROM (VALUES ${values}) AS v(i, ${names.join(", ")}) ORDER BY i`,
  );
  return rows.map((r, i) => ({
    ...r,
    ...Object.fromEntries(columns.filter((c) => c.name in r).map((c) => [c.name, masked[i][c.name]])),
  }));
}
