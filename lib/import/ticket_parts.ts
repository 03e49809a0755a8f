/**
 * A large ticket CSV read in parts: the text is cut at line ends into parts of about
 * `partChars` characters, each given the header line and parsed, typed and checked on
 * its own, in workers (ticket_parts_worker.ts) when the import may use them. Only one
 * part's raw cells are held at a time per thread, not the whole file's, and the parts
 * of a file run on every core the import is given.
 *
 * The result is that of reading the file whole. A cut falls at a line end, which ends a
 * record unless it is inside a quoted field; a part cut inside one ends in an open quote,
 * which Papa reports, and a file with any part so reported (or with a quote really
 * broken) is read whole, where csv.ts repairs broken quotes. Row numbers are the file's.
 */
import { type CsvDialect, csvDialect, readCsv, readCsvPart } from "./csv.ts";
import type { Columns } from "../schema.ts";
import { packColumn, type PackedColumn, packedLength, unpackInto } from "./packed_column.ts";
import type { Mapping } from "./mapping.ts";
import type { CoordSystem } from "./reproject.ts";
import { convertTicketRows, type TicketRows } from "./tickets.ts";
import { vocabularies, type Vocabulary, VOCABULARY_FIELDS, type VocabularyField } from "./vocabularies.ts";

/** About 8 million characters a part: a few hundred MB of cells at most per thread. */
export const PART_CHARS = 1 << 23;

export interface PartJob {
  file: string;
  text: string;
  dialect: CsvDialect;
  mapping: Mapping;
  coords: CoordSystem;
  importedAt: number;
}

export interface PartResult<C = unknown[]> {
  converted: Omit<TicketRows, "columns"> & { columns: Record<string, C> };
  /** Records the part holds (its header aside), rejected ones included. */
  records: number;
  unrecognised: [VocabularyField, [string, number][]][];
}

/** A part's result as a worker posts it (packed_column.ts), with the buffers it moves. */
export function packedPart(
  result: PartResult | null,
): { result: PartResult<PackedColumn> | null; transfer: ArrayBuffer[] } {
  if (!result) return { result, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const columns: Record<string, PackedColumn> = {};
  for (const [name, values] of Object.entries(result.converted.columns)) {
    const packed = packColumn(values);
    columns[name] = packed.column;
    if (packed.transfer) transfer.push(packed.transfer);
  }
  return { result: { ...result, converted: { ...result.converted, columns } }, transfer };
}

/** One part's tickets, or null when a quote in it is broken. */
export function convertTicketPart(job: PartJob): PartResult | null {
  const raw = readCsvPart(job.file, job.text, job.dialect);
  if (!raw) return null;
  const vocab = vocabularies(job.mapping.values);
  const converted = convertTicketRows(raw, job.mapping, job.coords, { vocab, importedAt: job.importedAt });
  return {
    converted,
    records: raw.rows.length,
    unrecognised: VOCABULARY_FIELDS.map((f) => [f, [...vocab[f].unrecognised]]),
  };
}

/** The file's parts, each with the header line in front; null when the file is read whole. */
function cut(text: string, partChars: number): string[] | null {
  const headerEnd = text.indexOf("\n");
  if (headerEnd < 0 || text.length <= headerEnd + 1 + partChars) return null;
  const header = text.slice(0, headerEnd + 1);
  // A quote in the header could open a field running past its line end.
  if (header.includes('"')) return null;
  const parts: string[] = [];
  for (let start = headerEnd + 1; start < text.length;) {
    const at = text.indexOf("\n", start + partChars);
    const end = at < 0 ? text.length : at + 1;
    parts.push(header + text.slice(start, end));
    start = end;
  }
  return parts;
}

type Reply = { result: PartResult<PackedColumn> | null } | { error: string };

/** Runs the jobs on `count` workers, each taking the next job when it is done, results in the jobs' order. */
function inWorkers(jobs: PartJob[], count: number): Promise<(PartResult<PackedColumn> | null)[]> {
  const results: (PartResult<PackedColumn> | null)[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(count, jobs.length) },
    () => new Worker(new URL("./ticket_parts_worker.ts", import.meta.url), { type: "module" }),
  );
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let current = -1;
      const take = () => {
        if (next >= jobs.length) return resolve();
        current = next++;
        worker.postMessage(jobs[current]);
        jobs[current].text = ""; // the worker has its copy
      };
      worker.onmessage = (e: MessageEvent<Reply>) => {
        if ("error" in e.data) return reject(new Error(e.data.error));
        results[current] = e.data.result;
        take();
      };
      worker.onerror = (e) => {
        e.preventDefault();
        reject(new Error(e.message));
      };
      take();
    });
  return Promise.all(workers.map(run)).then(() => results).finally(() => workers.forEach((w) => w.terminate()));
}

/**
 * The columns one after another, copied into one array. Not `Array.prototype.concat`: once
 * apache-arrow is loaded (it marks its vectors `Symbol.isConcatSpreadable`), V8 takes
 * concat's slow path, which gives a million-row column in dictionary mode: 40 s to join a
 * ticket file's parts, 1.4 GB more heap, and every later pass over the columns slower.
 */
function joined(columns: PackedColumn[]): unknown[] {
  const out = new Array(columns.reduce((n, c) => n + packedLength(c), 0));
  let at = 0;
  for (const column of columns) at = unpackInto(out, at, column);
  return out;
}

/** All parts' rows as one, row numbers shifted to the file's, words not recognised added to `vocab`. */
function combine(parts: PartResult<PackedColumn>[], vocab: Record<VocabularyField, Vocabulary>): TicketRows {
  let before = 0;
  const shifted = parts.map(({ converted, records }) => {
    const offset = before;
    before += records;
    const shift = <T extends { row: number }>(r: T): T => r.row === 0 ? r : { ...r, row: r.row + offset };
    return {
      ...converted,
      rows: converted.rows.map((row) => row + offset),
      notes: converted.notes.map(shift),
      rejects: converted.rejects.map(shift),
    };
  });
  for (const { unrecognised } of parts) {
    for (const [field, words] of unrecognised) {
      const seen = vocab[field].unrecognised;
      for (const [word, n] of words) seen.set(word, (seen.get(word) ?? 0) + n);
    }
  }
  const names = Object.keys(shifted[0].columns);
  const columns: Columns = {};
  for (const name of names) {
    columns[name] = joined(shifted.map((p) => p.columns[name]));
    // Each part's column is let go once copied: the parts and the whole are not held at once.
    for (const p of shifted) delete p.columns[name];
  }
  return {
    columns,
    rows: joined(shifted.map((p) => p.rows)) as number[],
    notes: shifted.flatMap((p) => p.notes),
    rejects: shifted.flatMap((p) => p.rejects),
    fields: shifted[0].fields,
  };
}

/** A ticket CSV's rows, typed and checked (duplicates not yet merged), and how many records it read. */
export async function readTicketCsv(
  file: string,
  text: string,
  mapping: Mapping,
  coords: CoordSystem,
  { vocab, importedAt, workers = 0, partChars = PART_CHARS }: {
    vocab: Record<VocabularyField, Vocabulary>;
    importedAt: number;
    /** Workers to read parts in; 0 or 1: one part after another on this thread. */
    workers?: number;
    partChars?: number;
  },
): Promise<{ converted: TicketRows; read: number }> {
  const texts = cut(text, partChars);
  if (texts) {
    const dialect = csvDialect(text);
    const jobs = texts.map((part) => ({ file, text: part, dialect, mapping, coords, importedAt }));
    const results = workers > 1 ? await inWorkers(jobs, workers) : jobs.map((job) => {
      const result = convertTicketPart(job);
      job.text = "";
      return result;
    });
    if (results.every((r) => r !== null)) {
      const parts = results as PartResult<PackedColumn>[];
      return { converted: combine(parts, vocab), read: parts.reduce((sum, p) => sum + p.records, 0) };
    }
  }
  const raw = readCsv(file, text);
  return {
    converted: convertTicketRows(raw, mapping, coords, { vocab, importedAt }),
    read: raw.rows.length + raw.rejects.length,
  };
}
