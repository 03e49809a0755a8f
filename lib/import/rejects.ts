/** Rows an import could not store, each with where and why, so that no row is lost silently. */
import Papa from "papaparse";

export interface Reject {
  file: string;
  /** The record's number in the file, the header being 1 (a feature's index + 1 in GeoJSON). */
  row: number;
  /** The canonical field at fault, or "" when the whole row is. */
  field: string;
  reason: string;
  /** The row as the file had it (re-serialised for CSV and spreadsheets). */
  raw: string;
}

export function rejectsCsv(rejects: Reject[]): string {
  return Papa.unparse({
    fields: ["file", "row", "field", "reason", "raw"],
    data: rejects.map((r) => [r.file, r.row, r.field, r.reason, r.raw]),
  }) + "\n";
}
