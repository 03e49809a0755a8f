/**
 * CSV files (as exported by hotline systems and open-data portals) into a RawTable. A
 * quote never closed would swallow the rest of the file into one field: it is closed at
 * the end of its line, with a note, and reading resumes on the next line. A row with
 * fewer fields than the header has the rest empty, one with more keeps the header's
 * number; both with a note.
 */
import Papa from "papaparse";
import type { Note } from "./notes.ts";
import type { RawRow, RawTable } from "./records.ts";
import { decodeText } from "./text.ts";

/** A CSV record; its text is rebuilt only for the few rows that end up rejected. */
class CsvRow implements RawRow {
  constructor(readonly row: number, readonly cells: string[]) {}
  get raw(): string {
    return Papa.unparse([this.cells]);
  }
}

/** Re-reading the file after each repair costs a pass; past this many, the file is refused. */
const MAX_QUOTE_REPAIRS = 100;

type Parsed = Papa.ParseResult<string[]>;

/** The end of the line a position is on (before its \r\n or \n). */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  return end < 0 ? text.length : text[end - 1] === "\r" ? end - 1 : end;
}

/** Whether the quote opening a field at `quote` is still open at the end of its line. */
function openAtLineEnd(text: string, quote: number): boolean {
  let quotes = 0;
  for (let i = quote, end = lineEnd(text, quote); i < end; i++) if (text[i] === '"') quotes++;
  return quotes % 2 === 1;
}

/** Enough of a file for Papa to guess its delimiter and line break from (it reads 10 rows). */
const GUESS_FROM = 1 << 20;

/** How a file's fields and records are separated, decided once for the whole file. */
export interface CsvDialect {
  delimiter: string;
  newline: Papa.ParseConfig["newline"];
}

/**
 * Papa's guesses, from the file's first megabyte: given the whole file, Papa splits all
 * of it into lines once per candidate delimiter (six times) to read 10 rows.
 */
export function csvDialect(text: string): CsvDialect {
  const { meta } = Papa.parse<string[]>(text.slice(0, GUESS_FROM), { preview: 10, skipEmptyLines: "greedy" });
  return { delimiter: meta.delimiter, newline: meta.linebreak as CsvDialect["newline"] };
}

/** A row of nothing but blanks. */
function blank(cells: string[]): boolean {
  // Most rows start with a printable ASCII character (their id): no need to trim them.
  const first = cells[0].charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

/**
 * Papa's `skipEmptyLines: "greedy"`, which joins and trims every row; here a row stops
 * being blank at its first non-blank cell (its id, nearly always). Papa's error rows
 * count the blank rows (also with its own option): they are moved to the rows kept.
 */
function withoutBlankRows(parsed: Parsed): Parsed {
  if (!parsed.data.some(blank)) return parsed;
  /** For each of Papa's rows, its index among the rows kept. */
  const kept = new Int32Array(parsed.data.length + 1);
  const data: string[][] = [];
  parsed.data.forEach((cells, i) => {
    kept[i] = data.length;
    if (!blank(cells)) data.push(cells);
  });
  kept[parsed.data.length] = data.length;
  for (const e of parsed.errors) if (e.row !== undefined) e.row = kept[e.row];
  parsed.data = data;
  return parsed;
}

/**
 * Parses, closing each quote left open at the end of its line where the file's quoting
 * is broken (Papa reports a quote error just after such a quote; a well-formed field over
 * several lines reports none). Returns the records so repaired (Papa's index, the header
 * being 0), which the repair leaves where they were.
 */
function parseClosingQuotes(file: string, text: string): { parsed: Parsed; repaired: Set<number> } {
  const repaired = new Set<number>();
  const dialect = csvDialect(text);
  for (let repairs = 0;; repairs++) {
    const parsed = withoutBlankRows(Papa.parse<string[]>(text, { ...dialect }));
    const open = parsed.errors.find((e) =>
      e.type === "Quotes" && e.index !== undefined && openAtLineEnd(text, e.index - 1)
    );
    if (!open) return { parsed, repaired };
    if (repairs === MAX_QUOTE_REPAIRS) {
      throw new Error(`${file}: more than ${MAX_QUOTE_REPAIRS} quotes are never closed; is it a CSV file?`);
    }
    repaired.add(open.row!);
    const at = lineEnd(text, open.index!);
    text = `${text.slice(0, at)}"${text.slice(at)}`;
  }
}

export function readCsv(file: string, input: string | Uint8Array): RawTable {
  const text = typeof input === "string" ? input : decodeText(file, input);
  const { parsed, repaired } = parseClosingQuotes(file, text);
  return toRawTable(file, parsed, repaired);
}

/**
 * One part of a file (its header line, then whole records), read with the file's
 * dialect; null when a quote in it is broken, as a part cut inside a quoted field would
 * be: such a file is read whole, where the repair above can see where the quote ends.
 */
export function readCsvPart(file: string, text: string, dialect: CsvDialect): RawTable | null {
  const parsed = withoutBlankRows(Papa.parse<string[]>(text, { ...dialect }));
  return parsed.errors.some((e) => e.type === "Quotes") ? null : toRawTable(file, parsed, new Set());
}

function toRawTable(file: string, parsed: Parsed, repaired: Set<number>): RawTable {
  const [headers = [], ...records] = parsed.data;
  const headerError = parsed.errors.find((e) => e.row === 0);
  if (headerError) throw new Error(`${file}: the header row cannot be read (malformed CSV: ${headerError.message})`);
  const rows: RawRow[] = [];
  const notes: Note[] = [];
  const malformed = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row !== undefined && !malformed.has(e.row)) malformed.set(e.row, e.message);
  }
  records.forEach((cells, i) => {
    const row = i + 2;
    if (repaired.has(i + 1)) {
      notes.push({
        file,
        row,
        field: "",
        problem: "a quote in this row is never closed",
        action: "closed at the end of its line; the next line read as the next row",
      });
    } else if (malformed.has(i + 1)) {
      notes.push({
        file,
        row,
        field: "",
        problem: `malformed CSV: ${malformed.get(i + 1)}`,
        action: "read as far as it could be, row kept",
      });
    }
    if (cells.length < headers.length) {
      notes.push({
        file,
        row,
        field: "",
        problem: `${cells.length} fields where the header has ${headers.length}`,
        action: "the missing fields left empty, row kept",
      });
      cells = [...cells, ...new Array(headers.length - cells.length).fill("")];
    } else if (cells.length > headers.length) {
      notes.push({
        file,
        row,
        field: "",
        problem: `${cells.length} fields where the header has ${headers.length}`,
        action: `fields after the ${headers.length}th dropped, row kept`,
      });
      cells = cells.slice(0, headers.length);
    }
    rows.push(new CsvRow(row, cells));
  });
  return { file, headers: headers.map((h) => h.trim()), rows, rejects: [], notes };
}
