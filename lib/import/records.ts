/**
 * A file's rows in a neutral shape (header + cell values, whatever the format), and
 * their conversion to a canonical table's columns: recognised or mapped fields, typed
 * values, required fields present. A row is rejected only when it cannot be a record:
 * a required field (its id, its creation time) missing or unreadable. Any other field
 * that cannot be read is emptied with a note, and the row kept.
 */
import { type Column, type Columns, table as schemaTable } from "../schema.ts";
import { DAY_MS } from "../time.ts";
import { resolveFields } from "./headers.ts";
import type { Mapping } from "./mapping.ts";
import { EMPTIED, type Note } from "./notes.ts";
import type { Reject } from "./rejects.ts";
import { checkPlausible, parseTimestamp, type TimestampOptions } from "./timestamps.ts";

export interface RawRow {
  /** The record's number in the file, the header being 1. */
  row: number;
  cells: unknown[];
  raw: string;
}

export interface RawTable {
  file: string;
  headers: string[];
  rows: RawRow[];
  /** Rows the reader could not split into cells (malformed CSV and the like). */
  rejects: Reject[];
  /** Faults the reader repaired (a field cut to the size limit, a quote closed at the end of its line). */
  notes?: Note[];
}

export interface Converted {
  columns: Columns;
  /** For each stored row, the RawRow it came from. */
  sources: RawRow[];
  rejects: Reject[];
  notes: Note[];
  /** Fields present in the file, canonical and extra (such as `updated_at`). */
  fields: string[];
}

/** Records a fault in one field of the row being converted, which is kept. */
export type NoteField = (field: string, problem: string, action: string) => void;

/**
 * A row-level rule a table adds after its cells are typed. It repairs what it can,
 * noting each repair, and returns a fault only when the row cannot be a record.
 */
export type RowRule = (columns: Columns, i: number, note: NoteField) => { field: string; reason: string } | null;

export type CellParser = (value: unknown) => unknown;

const TRUE = new Set(["true", "t", "yes", "y", "1", "是", "有"]);
const FALSE = new Set(["false", "f", "no", "n", "0", "否", "无"]);

function text(value: unknown): string | null {
  if (value == null) return null;
  const s = (typeof value === "string" ? value : String(value)).trim();
  return s === "" ? null : s;
}

function number(value: unknown): number | null {
  if (typeof value === "number") return value;
  const s = text(value);
  if (s === null) return null;
  const n = Number(s.replace(/,/g, ""));
  if (!Number.isFinite(n)) throw new Error(`"${s}" is not a number`);
  return n;
}

/** `importedAt` bounds the plausible times (see checkPlausible). */
export function cellParser(
  column: Pick<Column, "type">,
  timestamps: TimestampOptions,
  importedAt = Date.now(),
): CellParser {
  switch (column.type) {
    case "VARCHAR":
      return text;
    case "DOUBLE":
      return number;
    case "INTEGER":
    case "BIGINT":
      return (v) => {
        const n = number(v);
        if (n !== null && !Number.isInteger(n)) throw new Error(`${n} is not a whole number`);
        return n;
      };
    case "BOOLEAN":
      return (v) => {
        const s = text(v)?.toLowerCase() ?? null;
        if (s === null) return null;
        if (TRUE.has(s)) return true;
        if (FALSE.has(s)) return false;
        throw new Error(`"${s}" is not yes or no`);
      };
    case "TIMESTAMP":
      return (v) => {
        const t = parseTimestamp(v, timestamps);
        return t === null ? null : checkPlausible(t, importedAt, v instanceof Date ? v.toISOString() : v);
      };
    case "DATE":
      // A date has no time zone: its written day, at UTC midnight.
      return (v) => {
        const t = parseTimestamp(v, { ...timestamps, timezone: "UTC" });
        return t === null ? null : t - (t % DAY_MS);
      };
  }
}

/**
 * Converts a raw table into `tableName`'s columns. `extra` declares fields read but not
 * stored (their parsers), `rules` run on each typed row before the required check.
 */
export function convertRecords(
  tableName: string,
  raw: RawTable,
  mapping: Mapping,
  { extra = {}, rules = [], importedAt = Date.now() }: {
    extra?: Record<string, CellParser>;
    rules?: RowRule[];
    importedAt?: number;
  } = {},
): Converted {
  const schema = schemaTable(tableName);
  const fields = resolveFields(tableName, raw.headers, mapping.fields, mapping.ignored);
  const parsers = new Map<string, CellParser>(
    schema.columns.map((c) => [c.name, cellParser(c, mapping.timestamps, importedAt)]),
  );
  for (const [name, parser] of Object.entries(extra)) parsers.set(name, parser);
  const columns: Columns = {};
  for (const name of parsers.keys()) columns[name] = new Array(raw.rows.length).fill(null);
  const readers = [...fields].filter(([name]) => parsers.has(name))
    .map(([name, index]) => ({ name, index, parse: parsers.get(name)!, values: columns[name] }));
  const required = new Set(schema.columns.filter((c) => c.required).map((c) => c.name));
  const requiredNames = [...required];
  const key = columns[schema.key[0]];
  const rejects = [...raw.rejects];
  const notes: Note[] = [];
  const sources: RawRow[] = [];
  const reject = (row: RawRow, field: string, reason: string) =>
    rejects.push({ file: raw.file, row: row.row, field, reason, raw: row.raw });

  let n = 0;
  let rowNotes: Note[] = [];
  let current: RawRow;
  const note: NoteField = (field, problem, action) =>
    rowNotes.push({ file: raw.file, row: current.row, field, problem, action });
  rows: for (const row of raw.rows) {
    current = row;
    rowNotes = [];
    for (const { name, index, parse, values } of readers) {
      try {
        const value = parse(row.cells[index]);
        values[n] = typeof value === "string" && value.length > mapping.fieldLimit
          ? cut(value, mapping.fieldLimit, (problem, action) => note(name, problem, action))
          : value;
      } catch (e) {
        if (required.has(name)) {
          reject(row, name, (e as Error).message);
          clearRow(columns, n);
          continue rows;
        }
        values[n] = null;
        note(name, (e as Error).message, EMPTIED);
      }
    }
    for (const rule of rules) {
      const fault = rule(columns, n, note);
      if (fault) {
        reject(row, fault.field, fault.reason);
        clearRow(columns, n);
        continue rows;
      }
    }
    const missing = requiredNames.find((name) => columns[name][n] == null);
    if (missing) {
      const header = fields.has(missing) ? `column "${raw.headers[fields.get(missing)!]}"` : "no column for it";
      reject(row, missing, `required value missing (${header})`);
      clearRow(columns, n);
      continue;
    }
    for (const rowNote of rowNotes) notes.push({ ...rowNote, record_id: String(key[n]) });
    sources.push(row);
    n++;
  }
  for (const values of Object.values(columns)) values.length = n;
  // The reader's notes name rows; those of rows kept get their record's id.
  const ids = new Map(sources.map((source, i) => [source.row, String(key[i])]));
  const readerNotes = (raw.notes ?? []).filter((r) => r.row === 0 || ids.has(r.row))
    .map((r) => ({ ...r, record_id: ids.get(r.row) ?? null }));
  return { columns, sources, rejects, notes: [...readerNotes, ...notes], fields: [...fields.keys()] };
}

function cut(value: string, limit: number, note: (problem: string, action: string) => void): string {
  note(`${value.length} characters, more than the limit of ${limit}`, `cut to the first ${limit}, row kept`);
  return value.slice(0, limit);
}

function clearRow(columns: Columns, i: number) {
  for (const values of Object.values(columns)) values[i] = null;
}
