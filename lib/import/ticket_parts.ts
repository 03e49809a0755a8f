/**
 * A large ticket CSV read in parts: its bytes are cut at line ends into parts of about
 * `partBytes`, each given the header line and decoded, parsed, typed and checked on its
 * own, in workers (ticket_parts_worker.ts) when the import may use them. The file is
 * never held as one string (twice its UTF-8 size for Chinese text), only one part's text
 * and cells at a time per thread, and the parts of a file run on every core the import is
 * given, their decoding included.
 *
 * The result is that of reading the file whole. A byte 0x0A is a line end in UTF-8 (it is
 * never part of a longer sequence); a file that is not UTF-8 is decoded whole by
 * `decodeText` (GB18030, UTF-16), which refuses what is not text, and the text cut again
 * as UTF-8. A cut falls at a line end, which ends a record unless it is inside a quoted
 * field; a part cut inside one ends in an open quote, which Papa reports, and a file with
 * any part so reported (or with a quote really broken) is read whole, where csv.ts repairs
 * broken quotes. Row numbers are the file's.
 */
import { type CsvDialect, csvDialect, readCsv, readCsvPart } from "./csv.ts";
import { decodeText, decodeUtf8Part, utf8Body } from "./text.ts";
import type { Columns } from "../schema.ts";
import { packColumn, type PackedColumn, packedLength, unpackInto } from "./packed_column.ts";
import type { Mapping } from "./mapping.ts";
import type { CoordSystem } from "./reproject.ts";
import { convertTicketRows, type TicketRows } from "./tickets.ts";
import { vocabularies, type Vocabulary, VOCABULARY_FIELDS, type VocabularyField } from "./vocabularies.ts";

/**
 * About 4 MB a part (17,000 tickets): a part's cells, alive until its columns are posted,
 * are what each collection in a worker goes through. Measured at a million tickets on two
 * workers, the parts take 6.6–7.3 s at 1–4 MB, and 7.9–8.2 s with 200 MB more memory at 16 MB.
 */
export const PART_BYTES = 1 << 22;

/** Enough of a file's start to hold what csvDialect reads (its first million characters). */
const DIALECT_BYTES = 1 << 22;

export interface PartJob {
  file: string;
  /** The header line and whole lines, in UTF-8. */
  bytes: Uint8Array;
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

/** Why a part cannot stand for its lines: a quote open at its end, or bytes that are not UTF-8. */
export type PartFault = "quote" | "encoding";

/** A part's result as a worker posts it (packed_column.ts), with the buffers it moves. */
export function packedPart(
  result: PartResult | PartFault,
): { result: PartResult<PackedColumn> | PartFault; transfer: ArrayBuffer[] } {
  if (typeof result === "string") return { result, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const columns: Record<string, PackedColumn> = {};
  for (const [name, values] of Object.entries(result.converted.columns)) {
    const packed = packColumn(values);
    columns[name] = packed.column;
    if (packed.transfer) transfer.push(packed.transfer);
  }
  return { result: { ...result, converted: { ...result.converted, columns } }, transfer };
}

/** One part's tickets, or why the part cannot stand for its lines. */
export function convertTicketPart(job: PartJob): PartResult | PartFault {
  const text = decodeUtf8Part(job.bytes);
  if (text === null) return "encoding";
  const raw = readCsvPart(job.file, text, job.dialect);
  if (!raw) return "quote";
  const vocab = vocabularies(job.mapping.values);
  const converted = convertTicketRows(raw, job.mapping, job.coords, { vocab, importedAt: job.importedAt });
  return {
    converted,
    records: raw.rows.length,
    unrecognised: VOCABULARY_FIELDS.map((f) => [f, [...vocab[f].unrecognised]]),
  };
}

const LINE_END = 0x0a;
const QUOTE = 0x22;

/** The header line and where each part's lines lie in the body; null when the file is read whole. */
function cut(body: Uint8Array, partBytes: number): { header: Uint8Array; parts: [number, number][] } | null {
  const headerEnd = body.indexOf(LINE_END);
  if (headerEnd < 0 || body.length <= headerEnd + 1 + partBytes) return null;
  const header = body.subarray(0, headerEnd + 1);
  // A quote in the header could open a field running past its line end.
  if (header.includes(QUOTE)) return null;
  const parts: [number, number][] = [];
  for (let start = headerEnd + 1; start < body.length;) {
    const at = body.indexOf(LINE_END, start + partBytes);
    const end = at < 0 ? body.length : at + 1;
    parts.push([start, end]);
    start = end;
  }
  return { header, parts };
}

type Outcome = PartResult<PackedColumn> | PartFault;
type Reply = { result: Outcome } | { error: string };

/**
 * Runs `count` jobs on `workers` workers, each taking the next job when it is done, results
 * in the jobs' order. A job is made as it is posted and its bytes moved, not copied: the
 * parts waiting are only ranges of the file.
 */
function inWorkers(count: number, job: (i: number) => PartJob, workers: number): Promise<Outcome[]> {
  const results: Outcome[] = new Array(count);
  let next = 0;
  const pool = Array.from(
    { length: Math.min(workers, count) },
    () => new Worker(new URL("./ticket_parts_worker.ts", import.meta.url), { type: "module" }),
  );
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let current = -1;
      const take = () => {
        if (next >= count) return resolve();
        current = next++;
        const posted = job(current);
        worker.postMessage(posted, [posted.bytes.buffer]);
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
  return Promise.all(pool.map(run)).then(() => results).finally(() => pool.forEach((w) => w.terminate()));
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
  bytes: Uint8Array,
  mapping: Mapping,
  coords: CoordSystem,
  { vocab, importedAt, workers = 0, partBytes = PART_BYTES }: {
    vocab: Record<VocabularyField, Vocabulary>;
    importedAt: number;
    /** Workers to read parts in; 0 or 1: one part after another on this thread. */
    workers?: number;
    partBytes?: number;
  },
): Promise<{ converted: TicketRows; read: number }> {
  /** The parts of a UTF-8 body, or why the file is read another way ("small": it is not cut). */
  const inParts = async (body: Uint8Array): Promise<Outcome[] | PartFault | "small"> => {
    const cuts = cut(body, partBytes);
    if (!cuts) return "small";
    const dialect = csvDialect(new TextDecoder().decode(body.subarray(0, DIALECT_BYTES)));
    const { header, parts } = cuts;
    const job = (i: number): PartJob => {
      const [start, end] = parts[i];
      const part = new Uint8Array(header.length + end - start);
      part.set(header);
      part.set(body.subarray(start, end), header.length);
      return { file, bytes: part, dialect, mapping, coords, importedAt };
    };
    const results = workers > 1
      ? await inWorkers(parts.length, job, workers)
      : parts.map((_, i) => convertTicketPart(job(i)));
    return results.includes("encoding") ? "encoding" : results.includes("quote") ? "quote" : results;
  };
  const body = utf8Body(bytes);
  let outcome = body ? await inParts(body) : "encoding";
  // Not UTF-8: decoded whole, once, by the rules of text.ts, and cut as UTF-8.
  if (outcome === "encoding") outcome = await inParts(new TextEncoder().encode(decodeText(file, bytes)));
  if (typeof outcome !== "string") {
    const parts = outcome as PartResult<PackedColumn>[];
    return { converted: combine(parts, vocab), read: parts.reduce((sum, p) => sum + p.records, 0) };
  }
  const raw = readCsv(file, bytes);
  return {
    converted: convertTicketRows(raw, mapping, coords, { vocab, importedAt }),
    read: raw.rows.length + raw.rejects.length,
  };
}
