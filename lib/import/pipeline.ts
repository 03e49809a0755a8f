/**
 * One import, from a file's bytes and the store's current tables to the table to write
 * and what to tell the user. No file system here: `deno task import` and a browser
 * upload both call `runImport`.
 */
import type { Columns, PlaceLevel } from "../schema.ts";
import { AddressMatcher } from "./address_match.ts";
import { assignTickets, DEFAULT_NEAR_METRES, PlaceIndex } from "./assign.ts";
import { readCsv } from "./csv.ts";
import { readGeoJson } from "./geojson.ts";
import { defaultMapping, parseMapping } from "./mapping.ts";
import { upsert } from "./merge.ts";
import { type Note, withNotes } from "./notes.ts";
import { readOpen311 } from "./open311.ts";
import { decodeText } from "./text.ts";
import { importBuildings, importPlaces, type ShapedTable } from "./places.ts";
import { type Converted, convertRecords, type RawTable, type RowRule } from "./records.ts";
import type { Reject } from "./rejects.ts";
import type { CoordSystem } from "./reproject.ts";
import { readTicketCsv } from "./ticket_parts.ts";
import { convertTicketRows, mergeDuplicateTickets, type TicketRows, ticketVersion } from "./tickets.ts";
import { unrecognisedLine, vocabularies, type Vocabulary } from "./vocabularies.ts";
import { readXlsx } from "./xlsx.ts";

import type { ImportKind, ImportPhase } from "./kinds.ts";
export { IMPORT_KINDS, IMPORT_PHASES, type ImportKind, type ImportPhase } from "./kinds.ts";

/** The store tables each kind reads: the one it writes and those it assigns against. */
export const TABLES_READ: Record<ImportKind, string[]> = {
  places: ["places", "import_notes"],
  buildings: ["buildings", "places", "import_notes"],
  tickets: ["tickets", "places", "buildings", "import_notes"],
  callbacks: ["callbacks", "import_notes"],
};

export interface ImportOptions {
  /** The parsed mapping file, if any. */
  mapping?: unknown;
  level?: PlaceLevel;
  coords?: CoordSystem;
  nearMetres?: number;
  /** The import's id in `import_notes` (the CLI uses the store version it writes). */
  importId?: string;
  /** When the import runs: times more than a day after it are implausible. */
  importedAt?: number;
  /** Characters a text field may have (default 64 KB); longer ones are cut with a note. */
  fieldLimit?: number;
  /** Bytes a workbook may unpack to (default in xlsx.ts). */
  xlsxLimit?: number;
  /** Told as each phase starts: reading the file, then assigning places and merging with the store. */
  onPhase?: (phase: ImportPhase) => void;
  /** Workers reading the parts of a large ticket CSV at once (ticket_parts.ts); default 0, one after another here. */
  workers?: number;
}

export interface Summary {
  read: number;
  stored: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Rows older than the stored version of their key, which was kept. */
  older: number;
  /** Rows merged into another with the same id: pieces of one building, older versions of one ticket. */
  merged: number;
  rejected: number;
  notes: number;
  unassigned: number;
  /** Lines such as `status words not recognised: 网格员处理 (114)`. */
  unrecognised: string[];
}

export interface ImportOutcome {
  table: string;
  /** The whole table to write, or null when the import changes nothing. */
  columns: Columns | null;
  rejects: Reject[];
  notes: Note[];
  /** The `import_notes` table with this import's notes added, to write with `columns`. */
  noteColumns: Columns;
  /** Ids of the tickets no place was found for: kept, and listed. */
  unassigned: string[];
  /** Overlapping polygons of one level, as sentences. */
  overlaps: string[];
  summary: Summary;
}

function extension(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? "";
}

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decodeText(name, bytes));
  } catch (e) {
    throw new Error(`${name} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Files that are neither workbooks nor JSON are read as CSV, whatever their name. */
function isCsv(name: string): boolean {
  return !["xlsx", "json"].includes(extension(name));
}

async function readTable(name: string, bytes: Uint8Array, xlsxLimit?: number): Promise<RawTable> {
  const ext = extension(name);
  if (ext === "xlsx") return await readXlsx(name, bytes, xlsxLimit);
  if (ext === "json") return readOpen311(name, parseJson(name, bytes));
  return readCsv(name, bytes);
}

async function readShapes(
  name: string,
  bytes: Uint8Array,
  coords: CoordSystem,
  xlsxLimit?: number,
): Promise<ShapedTable> {
  const ext = extension(name);
  return ext === "geojson" || ext === "json"
    ? readGeoJson(name, parseJson(name, bytes), coords)
    : await readTable(name, bytes, xlsxLimit);
}

/** A file's header and rows as an import of `kind` reads them, before any field is matched (the web preview). */
export function readRows(
  kind: ImportKind,
  name: string,
  bytes: Uint8Array,
  options: Pick<ImportOptions, "coords" | "xlsxLimit"> = {},
): Promise<RawTable> {
  return kind === "tickets" || kind === "callbacks"
    ? readTable(name, bytes, options.xlsxLimit)
    : readShapes(name, bytes, options.coords ?? "wgs84", options.xlsxLimit);
}

function resultRule(vocabulary: Vocabulary): RowRule {
  return (columns, i) => {
    const written = columns.result[i] as string | null;
    columns.result_source[i] ??= written;
    columns.result[i] = written === null ? null : vocabulary.code(written);
    return null;
  };
}

const COMPUTED: Record<string, string[]> = {
  tickets: [
    "status",
    "status_source",
    "building_id",
    "compound_id",
    "grid_id",
    "community_id",
    "street_id",
    "h3_r7",
    "h3_r8",
    "h3_r9",
  ],
  places: ["level", "name", "lon", "lat", "area_m2", "geometry", "parent_id", "street_id", "community_id"],
  buildings: ["name", "lon", "lat", "geometry", "compound_id"],
  callbacks: [],
};

/** A field's word as the source wrote it, stored beside its code when the file has the field. */
const AS_WRITTEN: Record<string, string> = { kind: "kind_source", result: "result_source" };

export async function runImport(
  kind: ImportKind,
  name: string,
  bytes: Uint8Array,
  stored: Record<string, Columns>,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const mapping = options.mapping === undefined ? defaultMapping() : parseMapping(options.mapping, kind);
  if (options.fieldLimit) mapping.fieldLimit = options.fieldLimit;
  const coords = options.coords ?? "wgs84";
  const importedAt = options.importedAt ?? Date.now();
  const vocab = vocabularies(mapping.values);
  let converted: Omit<Converted, "sources">;
  let unassigned: string[] = [];
  let overlaps: string[] = [];
  let merged = 0;
  let read: number;
  options.onPhase?.("read");
  if (kind === "tickets") {
    let rows: TicketRows;
    if (isCsv(name)) {
      ({ converted: rows, read } = await readTicketCsv(name, bytes, mapping, coords, {
        vocab,
        importedAt,
        workers: options.workers,
      }));
    } else {
      const raw = await readTable(name, bytes, options.xlsxLimit);
      read = raw.rows.length + raw.rejects.length;
      rows = convertTicketRows(raw, mapping, coords, { vocab, importedAt });
    }
    const tickets = mergeDuplicateTickets(name, rows);
    converted = tickets;
    merged = tickets.merged;
    options.onPhase?.("assign");
    const { columns } = converted;
    const index = new PlaceIndex(stored.places ?? {}, stored.buildings ?? {}, {
      nearMetres: options.nearMetres ?? DEFAULT_NEAR_METRES,
    });
    unassigned = assignTickets(columns, index, new AddressMatcher(stored.places ?? {}, stored.buildings ?? {}))
      .map((i) => columns.ticket_id[i] as string);
    overlaps = index.overlaps().map((o) => `${o.level}s ${o.ids} overlap: ${o.points} tickets inside both`);
  } else if (kind === "callbacks") {
    const raw = await readTable(name, bytes, options.xlsxLimit);
    read = raw.rows.length + raw.rejects.length;
    converted = convertRecords("callbacks", raw, mapping, { rules: [resultRule(vocab.result)], importedAt });
    options.onPhase?.("assign");
  } else {
    const shapes = await readShapes(name, bytes, coords, options.xlsxLimit);
    read = shapes.rows.length + shapes.rejects.length;
    if (kind === "places" && !options.level) throw new Error("a places import needs --level");
    options.onPhase?.("assign");
    const result = kind === "places"
      ? importPlaces(shapes, mapping, options.level!, stored.places ?? {})
      : importBuildings(shapes, mapping, stored.places ?? {});
    converted = result;
    merged = result.piecesMerged;
    overlaps = result.overlaps.map((o) => `${kind} ${o.a} and ${o.b} overlap by ${o.area_m2} m²`);
  }
  const supplied = [...converted.fields, ...COMPUTED[kind]];
  supplied.push(...converted.fields.flatMap((f) => AS_WRITTEN[f] ?? []));
  const upserted = upsert(
    kind,
    stored[kind] ?? null,
    converted.columns,
    supplied,
    kind === "tickets" ? ticketVersion : undefined,
  );
  const notes = converted.notes.sort((a, b) => a.row - b.row);
  return {
    table: kind,
    columns: upserted.columns,
    rejects: converted.rejects.sort((a, b) => a.row - b.row),
    notes,
    noteColumns: withNotes(stored.import_notes, notes, {
      importId: options.importId ?? `import ${new Date(importedAt).toISOString()}`,
      table: kind,
      notedAt: importedAt,
    }),
    unassigned,
    overlaps,
    summary: {
      read,
      stored: read - converted.rejects.length,
      added: upserted.added,
      updated: upserted.updated,
      unchanged: upserted.unchanged,
      older: upserted.older,
      merged,
      rejected: converted.rejects.length,
      notes: notes.length,
      unassigned: unassigned.length,
      unrecognised: Object.values(vocab).map((v) => unrecognisedLine(v)).filter((l) => l !== null),
    },
  };
}

/** `read N, stored N (new N, updated N, unchanged N, merged N), rejected N, notes N, unassigned N`: it adds up. */
export function summaryLine(s: Summary): string {
  const older = s.older ? `, older than stored ${s.older}` : "";
  return `read ${s.read}, stored ${s.stored} (new ${s.added}, updated ${s.updated}, unchanged ${s.unchanged}${older}, ` +
    `merged ${s.merged}), rejected ${s.rejected}, notes ${s.notes}, unassigned ${s.unassigned}`;
}
