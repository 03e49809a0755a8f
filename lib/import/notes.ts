/**
 * Data-quality notes: a fault in one field of a row that is still a record. The row is
 * kept, the field stored as read where that is plausible or emptied where it is not,
 * and the note says where (file, row, field), what was wrong and what was done. Notes
 * are stored with each import (table `import_notes`) so pages can show them.
 */
import Papa from "papaparse";
import type { Columns } from "../schema.ts";

export interface Note {
  file: string;
  /** The record's number in the file, the header being 1 (a feature's index + 1 in GeoJSON); 0 for the whole file. */
  row: number;
  /** The record's key in its table, when it is known. */
  record_id?: string | null;
  /** The canonical field at fault, or "" for the row as a whole. */
  field: string;
  problem: string;
  action: string;
}

/** Actions, worded once: what the importer did with the field. */
export const EMPTIED = "emptied, row kept";
export const KEPT = "kept as read";

export function notesCsv(notes: Note[]): string {
  return Papa.unparse({
    fields: ["file", "row", "record_id", "field", "problem", "action"],
    data: notes.map((n) => [n.file, n.row, n.record_id ?? "", n.field, n.problem, n.action]),
  }) + "\n";
}

/** The rows of `import_notes` for one import, appended to the stored ones. */
export function withNotes(
  stored: Columns | undefined,
  notes: Note[],
  { importId, table, notedAt }: { importId: string; table: string; notedAt: number },
): Columns {
  const rows: Record<string, unknown[]> = {
    import_id: notes.map(() => importId),
    note_no: notes.map((_, i) => i + 1),
    table_name: notes.map(() => table),
    file: notes.map((n) => n.file),
    row: notes.map((n) => n.row),
    record_id: notes.map((n) => n.record_id ?? null),
    field: notes.map((n) => n.field),
    problem: notes.map((n) => n.problem),
    action: notes.map((n) => n.action),
    noted_at: notes.map(() => notedAt),
  };
  return Object.fromEntries(
    Object.entries(rows).map(([name, values]) => [name, [...(stored?.[name] ?? []), ...values]]),
  );
}
