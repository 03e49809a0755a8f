/**
 * Excel workbooks (.xlsx): the first worksheet, its first non-empty row being the header.
 * Before ExcelJS unpacks it, the archive's directory is read (fflate, nothing inflated):
 * a file that is no zip or has no workbook part is refused with that reason, and one
 * that would unpack to more than a limit (a zip bomb: 491 KB to 1.7 GB) is refused.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { RawRow, RawTable } from "./records.ts";

/** What a workbook may unpack to; a month's export of 100k tickets is well under 100 MB. */
export const DEFAULT_XLSX_LIMIT = 200 * 1024 * 1024;

/** A cell's value as the importers take it: text, number, Date (wall-clock time in UTC fields) or null. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value == null || value instanceof Date || typeof value !== "object") return value ?? null;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
  if ("text" in value) return value.text;
  if ("error" in value) return value.error;
  return String(value);
}

/** Throws unless the bytes are a workbook that unpacks to at most `limit` bytes. */
function checkWorkbook(file: string, bytes: Uint8Array, limit: number) {
  const notWorkbook = (why: string) => new Error(`${file} is not an Excel workbook (.xlsx): ${why}`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notWorkbook("it is not a zip archive");
  let unpacked = 0;
  let workbook = false;
  try {
    // The filter sees each entry's declared size and refuses them all: nothing is inflated.
    unzipSync(bytes, {
      filter: (entry) => {
        unpacked += entry.originalSize;
        if (entry.name === "xl/workbook.xml") workbook = true;
        return false;
      },
    });
  } catch (e) {
    throw notWorkbook(`its zip directory cannot be read (${(e as Error).message})`);
  }
  if (!workbook) throw notWorkbook("it has no xl/workbook.xml");
  if (unpacked > limit) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new Error(
      `${file} would unpack to ${mb(unpacked)}, more than the limit of ${mb(limit)}: ` +
        "export it in smaller parts, or as CSV",
    );
  }
}

export async function readXlsx(file: string, bytes: Uint8Array, limit = DEFAULT_XLSX_LIMIT): Promise<RawTable> {
  checkWorkbook(file, bytes, limit);
  const workbook = new ExcelJS.Workbook();
  try {
    // deno-lint-ignore no-explicit-any -- ExcelJS types its input as Node's Buffer; it reads any ArrayBuffer view.
    await workbook.xlsx.load(bytes as any);
  } catch (e) {
    throw new Error(`${file} is not a workbook ExcelJS can read: ${(e as Error).message}`);
  }
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
