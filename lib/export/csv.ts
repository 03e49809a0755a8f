/** Rows → CSV (RFC 4180 quoting, formulas neutralised), for `deno task sql` and the pages' exports. */
import type { Row } from "../db/connector.ts";
import { neutraliseCell } from "./formula.ts";

export function toCsv(rows: Row[], columns = rows.length ? Object.keys(rows[0]) : []): string {
  const cell = (v: unknown) => {
    const s = v == null ? "" : String(neutraliseCell(v));
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n");
}
