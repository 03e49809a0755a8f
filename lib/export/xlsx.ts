/**
 * Rows → an XLSX workbook (exceljs), with a header row and typed cells, formulas neutralised;
 * Excel's row limit enforced.
 */
import ExcelJS from "exceljs";
import type { Row } from "../db/connector.ts";
import { neutraliseCell } from "./formula.ts";

/** Excel's own limit, less the header row. */
export const XLSX_MAX_ROWS = 1_048_575;

export async function toXlsx(rows: Row[], columns: string[], sheetName = "Linli"): Promise<Uint8Array> {
  if (rows.length > XLSX_MAX_ROWS) {
    throw new RangeError(`${rows.length} rows do not fit in one Excel sheet (at most ${XLSX_MAX_ROWS})`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({
    header: neutraliseCell(c),
    key: c,
    width: Math.min(40, Math.max(10, c.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => neutraliseCell(row[c] ?? null)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first sheet's rows as objects keyed by the header row; empty header cells get `column_N`. */
export async function fromXlsx(bytes: Uint8Array): Promise<{ columns: string[]; rows: Row[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: [], rows: [] };
  const header = sheet.getRow(1).values as unknown[];
  const columns = header.slice(1).map((v, i) => v == null || v === "" ? `column_${i + 1}` : String(v));
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(columns.map((c, i) => [c, cellValue(values[i + 1])])));
  });
  return { columns, rows };
}

function cellValue(v: unknown): unknown {
  if (v == null) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === "object") {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if ("result" in o) return cellValue(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if ("text" in o) return String(o.text);
  }
  return v;
}
