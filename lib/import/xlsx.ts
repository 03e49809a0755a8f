/** Excel workbooks (.xlsx): the first worksheet, its first non-empty row being the header. */
import ExcelJS from "exceljs";
import type { RawRow, RawTable } from "./records.ts";

/** A cell's value as the importers take it: text, number, Date (wall-clock time in UTC fields) or null. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value == null || value instanceof Date || typeof value !== "object") return value ?? null;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
  if ("text" in value) return value.text;
  if ("error" in value) return value.error;
  return String(value);
}

export async function readXlsx(file: string, bytes: Uint8Array): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  // deno-lint-ignore no-explicit-any -- ExcelJS types its input as Node's Buffer; it reads any ArrayBuffer view.
  await workbook.xlsx.load(bytes as any);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${file} has no worksheet`);
  let headers: string[] | null = null;
  const rows: RawRow[] = [];
  sheet.eachRow((row, number) => {
    // ExcelJS row values are 1-based: index 0 is always empty.
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    if (!headers) headers = cells.map((c) => String(c ?? "").trim());
    else {rows.push({
        row: number,
        cells,
        raw: cells.map((c) => c instanceof Date ? c.toISOString() : c ?? "").join("\t"),
      });}
  });
  return { file, headers: headers ?? [], rows, rejects: [] };
}
