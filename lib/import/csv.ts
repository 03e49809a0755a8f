/** CSV files (as exported by hotline systems and open-data portals) into a RawTable. */
import Papa from "papaparse";
import type { RawRow, RawTable } from "./records.ts";
import type { Reject } from "./rejects.ts";

/**
 * Bytes to text: UTF-8 when the bytes are valid UTF-8, else GB18030, which Chinese
 * Excel still writes CSV in (a superset of GBK and GB2312).
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A CSV record; its text is rebuilt only for the few rows that end up rejected. */
class CsvRow implements RawRow {
  constructor(readonly row: number, readonly cells: string[]) {}
  get raw(): string {
    return Papa.unparse([this.cells]);
  }
}

export function readCsv(file: string, input: string | Uint8Array): RawTable {
  const text = typeof input === "string" ? input : decodeText(input);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const [headers = [], ...records] = parsed.data;
  // Papa reports errors by record index, the header being record 0.
  const errors = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row !== undefined && !errors.has(e.row)) errors.set(e.row, `malformed CSV: ${e.message}`);
  }
  const rows: RawRow[] = [];
  const rejects: Reject[] = [];
  records.forEach((cells, i) => {
    const row = i + 2;
    const error = errors.get(i + 1) ??
      (cells.length !== headers.length
        ? `malformed CSV: ${cells.length} fields where the header has ${headers.length}`
        : null);
    if (error) rejects.push({ file, row, field: "", reason: error, raw: Papa.unparse([cells]) });
    else rows.push(new CsvRow(row, cells));
  });
  const headerError = errors.get(0);
  if (headerError) throw new Error(`${file}: the header row cannot be read (${headerError})`);
  return { file, headers: headers.map((h) => h.trim()), rows, rejects };
}
