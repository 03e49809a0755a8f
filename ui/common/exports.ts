/** A result saved to the analyst's disk in the format they choose; nothing goes to the server. */
import { type Table as ArrowTable, tableToIPC } from "apache-arrow";
import { arrowToRows } from "../../lib/db/connector.ts";
import { toCsv } from "../../lib/export/csv.ts";
import { initParquetWasm, ipcToParquet } from "../../lib/export/parquet.ts";
import { toXlsx } from "../../lib/export/xlsx.ts";

export const EXPORT_FORMATS = ["csv", "xlsx", "parquet", "arrow"] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

const TYPES: Record<ExportFormat, string> = {
  csv: "text/csv;charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  parquet: "application/vnd.apache.parquet",
  arrow: "application/vnd.apache.arrow.file",
};

export async function exportBytes(table: ArrowTable, format: ExportFormat, parquetWasm: string): Promise<Uint8Array> {
  const columns = table.schema.fields.map((f) => f.name);
  switch (format) {
    case "csv":
      // A byte-order mark so that Excel opens Chinese text as UTF-8.
      return new TextEncoder().encode("\uFEFF" + toCsv(arrowToRows(table), columns));
    case "xlsx":
      return await toXlsx(arrowToRows(table), columns);
    case "parquet":
      await initParquetWasm(parquetWasm);
      return await ipcToParquet(tableToIPC(table, "stream"));
    case "arrow":
      return tableToIPC(table, "file");
  }
}

/** Rows saved as CSV (with a byte-order mark, so that Excel reads Chinese as UTF-8) or XLSX; formulas neutralised. */
export async function saveRows(
  rows: Record<string, unknown>[],
  columns: string[],
  format: "csv" | "xlsx",
  stem: string,
  sheetName?: string,
) {
  const bytes = format === "csv"
    ? new TextEncoder().encode("\uFEFF" + toCsv(rows, columns))
    : await toXlsx(rows, columns, sheetName);
  download(bytes, format, stem);
}

export function download(bytes: Uint8Array, format: ExportFormat, stem = "linli-query") {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: TYPES[format] }));
  const a = Object.assign(document.createElement("a"), { href: url, download: `${stem}.${format}` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
