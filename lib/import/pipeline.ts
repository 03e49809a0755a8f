/**
 * One import, from a file's bytes and the store's current tables to the table to write
 * and what to tell the user. No file system here: `deno task import` and a browser
 * upload both call `runImport`.
 */
import { type Columns, type PlaceLevel, table as schemaTable } from "../schema.ts";
import { AddressMatcher } from "./address_match.ts";
import { assignTickets, DEFAULT_NEAR_METRES, PlaceIndex } from "./assign.ts";
import { decodeText, readCsv } from "./csv.ts";
import { readGeoJson } from "./geojson.ts";
import { defaultMapping, parseMapping } from "./mapping.ts";
import { upsert } from "./merge.ts";
import { readOpen311 } from "./open311.ts";
import { importBuildings, importPlaces, type ShapedTable } from "./places.ts";
import { convertRecords, type RawTable, type RowRule } from "./records.ts";
import type { Reject } from "./rejects.ts";
import type { CoordSystem } from "./reproject.ts";
import { normalizeResult } from "./status.ts";
import { addH3, convertTickets, ticketVersion } from "./tickets.ts";
import { readXlsx } from "./xlsx.ts";

export const IMPORT_KINDS = ["places", "buildings", "tickets", "callbacks"] as const;
export type ImportKind = typeof IMPORT_KINDS[number];

/** The store tables each kind reads: the one it writes and those it assigns against. */
export const TABLES_READ: Record<ImportKind, string[]> = {
  places: ["places"],
  buildings: ["buildings", "places"],
  tickets: ["tickets", "places", "buildings"],
  callbacks: ["callbacks"],
};

export interface ImportOptions {
  /** The parsed mapping file, if any. */
  mapping?: unknown;
  level?: PlaceLevel;
  coords?: CoordSystem;
  nearMetres?: number;
}

export interface Summary {
  read: number;
  stored: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Rows older than the stored version of their key, which was kept. */
  older: number;
  rejected: number;
  unassigned: number;
  /** Features merged into another with the same id (pieces of one building). */
  piecesMerged: number;
}

export interface ImportOutcome {
  table: string;
  /** The whole table to write, or null when the import changes nothing. */
  columns: Columns | null;
  rejects: Reject[];
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
    return JSON.parse(decodeText(bytes));
  } catch (e) {
    throw new Error(`${name} is not valid JSON: ${(e as Error).message}`);
  }
}

async function readTable(name: string, bytes: Uint8Array): Promise<RawTable> {
  const ext = extension(name);
  if (ext === "xlsx") return await readXlsx(name, bytes);
  if (ext === "json") return readOpen311(name, parseJson(name, bytes));
  return readCsv(name, bytes);
}

async function readShapes(name: string, bytes: Uint8Array, coords: CoordSystem): Promise<ShapedTable> {
  const ext = extension(name);
  return ext === "geojson" || ext === "json"
    ? readGeoJson(name, parseJson(name, bytes), coords)
    : await readTable(name, bytes);
}

const resultRule: RowRule = (columns, i) => {
  const written = columns.result[i] as string | null;
  if (written === null) return null;
  const result = normalizeResult(written);
  if (!result) return { field: "result", reason: `"${written}" is not 满意, 基本满意 or 不满意` };
  columns.result[i] = result;
  return null;
};

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
  places: ["level", "lon", "lat", "area_m2", "geometry", "parent_id", "street_id", "community_id"],
  buildings: ["name", "lon", "lat", "geometry", "compound_id"],
  callbacks: [],
};

export async function runImport(
  kind: ImportKind,
  name: string,
  bytes: Uint8Array,
  stored: Record<string, Columns>,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const mapping = options.mapping === undefined ? defaultMapping() : parseMapping(options.mapping, kind);
  const coords = options.coords ?? "wgs84";
  let converted;
  let unassigned: string[] = [];
  let overlaps: string[] = [];
  let piecesMerged = 0;
  let read: number;
  if (kind === "tickets" || kind === "callbacks") {
    const raw = await readTable(name, bytes);
    read = raw.rows.length + raw.rejects.length;
    converted = kind === "tickets"
      ? convertTickets(raw, mapping, coords)
      : convertRecords("callbacks", raw, mapping, { rules: [resultRule] });
    if (kind === "tickets") {
      const { columns } = converted;
      addH3(columns);
      const index = new PlaceIndex(stored.places ?? {}, stored.buildings ?? {}, {
        nearMetres: options.nearMetres ?? DEFAULT_NEAR_METRES,
      });
      unassigned = assignTickets(columns, index, new AddressMatcher(stored.places ?? {}, stored.buildings ?? {}))
        .map((i) => columns.ticket_id[i] as string);
      overlaps = index.overlaps().map((o) => `${o.level}s ${o.ids} overlap: ${o.points} tickets inside both`);
    }
  } else {
    const shapes = await readShapes(name, bytes, coords);
    read = shapes.rows.length + shapes.rejects.length;
    if (kind === "places" && !options.level) throw new Error("a places import needs --level");
    const result = kind === "places"
      ? importPlaces(shapes, mapping, options.level!, stored.places ?? {})
      : importBuildings(shapes, mapping, stored.places ?? {});
    converted = result;
    piecesMerged = result.piecesMerged;
    overlaps = result.overlaps.map((o) => `${kind} ${o.a} and ${o.b} overlap by ${o.area_m2} m²`);
  }
  const supplied = [...converted.fields, ...COMPUTED[kind]];
  const merged = upsert(
    kind,
    stored[kind] ?? null,
    converted.columns,
    supplied,
    kind === "tickets" ? ticketVersion : undefined,
  );
  const storedCount = converted.columns[schemaTable(kind).key[0]].length;
  return {
    table: kind,
    columns: merged.columns,
    rejects: converted.rejects.sort((a, b) => a.row - b.row),
    unassigned,
    overlaps,
    summary: {
      read,
      stored: storedCount,
      added: merged.added,
      updated: merged.updated,
      unchanged: merged.unchanged,
      older: merged.older,
      rejected: converted.rejects.length,
      unassigned: unassigned.length,
      piecesMerged,
    },
  };
}

export function summaryLine(s: Summary): string {
  const older = s.older ? `, older than stored ${s.older}` : "";
  return `read ${s.read}, stored ${s.stored} (new ${s.added}, updated ${s.updated}, unchanged ${s.unchanged}${older}), ` +
    `rejected ${s.rejected}, unassigned ${s.unassigned}`;
}
