/**
 * Tickets from any of the readers (CSV, XLSX, Open311) to canonical ticket columns:
 * status, kind and source through the vocabularies, coordinates checked and converted
 * to WGS84, H3 cells, and duplicates within the file merged into their newest version.
 */
import { cellToParent, latLngToCell } from "h3-js";
import type { Columns } from "../schema.ts";
import { UPDATED_AT } from "./headers.ts";
import type { Mapping } from "./mapping.ts";
import { duplicatesWithin, type VersionOf, withoutRows } from "./merge.ts";
import { KEPT } from "./notes.ts";
import { cellParser, type Converted, convertRecords, type RawTable, type RowRule } from "./records.ts";
import { type CoordSystem, fromCoordSystem } from "./reproject.ts";
import type { Vocabulary, VocabularyField } from "./vocabularies.ts";

const LIFECYCLE = ["created_at", "dispatched_at", "accepted_at", "closed_at", UPDATED_AT];

/** A ticket's version: the source's update time, else its latest lifecycle time. */
export const ticketVersion: VersionOf = (columns, i) => {
  let latest: number | null = null;
  for (const name of LIFECYCLE) {
    const t = columns[name]?.[i] as number | null | undefined;
    if (t != null && (latest === null || t > latest)) latest = t;
  }
  return latest;
};

/** The rules of a ticket row: vocabularies, coordinates, the order of its times. */
function ticketRules(vocab: Record<VocabularyField, Vocabulary>): RowRule[] {
  const status: RowRule = (columns, i) => {
    const written = columns.status[i] as string | null;
    columns.status_source[i] ??= written;
    const code = written === null ? null : vocab.status.code(written);
    columns.status[i] = code ?? (columns.closed_at[i] === null ? "open" : "closed");
    return null;
  };
  const kind: RowRule = (columns, i) => {
    const written = columns.kind[i] as string | null;
    columns.kind_source[i] ??= written;
    columns.kind[i] = written === null ? null : vocab.kind.code(written);
    return null;
  };
  const source: RowRule = (columns, i) => {
    const written = columns.source[i] as string | null;
    // A source has no codes, only names: a word not in the table is kept as written.
    if (written !== null) columns.source[i] = vocab.source.code(written) ?? written;
    return null;
  };
  return [status, kind, source, coordinates, closedAfterCreated];
}

const coordinates: RowRule = (columns, i, note) => {
  const lon = columns.lon[i] as number | null, lat = columns.lat[i] as number | null;
  // 0,0 is how many exports write "no location"; it is in the Gulf of Guinea, not in any district.
  if ((lon === 0 && lat === 0) || (lon === null && lat === null)) {
    columns.lon[i] = columns.lat[i] = null;
    return null;
  }
  const fault = lon === null || lat === null
    ? { field: lon === null ? "lat" : "lon", problem: "a coordinate without the other" }
    : Math.abs(lat) > 90
    ? { field: "lat", problem: `latitude ${lat} is outside -90…90` }
    : Math.abs(lon) > 180
    ? { field: "lon", problem: `longitude ${lon} is outside -180…180` }
    : null;
  if (fault) {
    columns.lon[i] = columns.lat[i] = null;
    note(fault.field, fault.problem, "both coordinates emptied, row kept (placed by address if it can be)");
  }
  return null;
};

const closedAfterCreated: RowRule = (columns, i, note) => {
  const created = columns.created_at[i] as number, closed = columns.closed_at[i] as number | null;
  if (closed !== null && closed < created) {
    const seconds = Math.round((created - closed) / 1000);
    note("closed_at", `closed ${seconds} s before it was created`, `${KEPT}; no resolution time`);
  }
  return null;
};

/** Ticket rows typed and checked, before the duplicates of the file are merged; `rows` their numbers in the file. */
export interface TicketRows extends Omit<Converted, "sources"> {
  rows: number[];
}

export interface TicketConversion extends TicketRows {
  /** Rows that were older versions of another row of the same ticket in the file. */
  merged: number;
}

/** The rows of one file, or of one part of it (ticket_parts.ts): typed, checked, in WGS84, with H3 cells. */
export function convertTicketRows(
  raw: RawTable,
  mapping: Mapping,
  coords: CoordSystem,
  { vocab, importedAt }: { vocab: Record<VocabularyField, Vocabulary>; importedAt: number },
): TicketRows {
  const converted = convertRecords("tickets", raw, mapping, {
    extra: { [UPDATED_AT]: cellParser({ type: "TIMESTAMP" }, mapping.timestamps, importedAt) },
    rules: ticketRules(vocab),
    importedAt,
  });
  const { columns } = converted;
  const transform = fromCoordSystem(coords);
  if (transform) {
    for (let i = 0; i < columns.lon.length; i++) {
      if (columns.lon[i] === null) continue;
      [columns.lon[i], columns.lat[i]] = transform(columns.lon[i] as number, columns.lat[i] as number);
    }
  }
  addH3(columns);
  const { sources, ...rest } = converted;
  return { ...rest, rows: sources.map((s) => s.row) };
}

/** Duplicates of one ticket in the file merged into their newest version, with a note when they differ. */
export function mergeDuplicateTickets(file: string, converted: TicketRows): TicketConversion {
  const { columns } = converted;
  const duplicates = duplicatesWithin("tickets", columns, ticketVersion);
  const others = new Map<number, number[]>();
  for (const { dropped, keptBy } of duplicates) {
    // keptBy may itself be superseded later; the note goes to the version finally kept.
    others.set(keptBy, [...(others.get(keptBy) ?? []), dropped, ...(others.get(dropped) ?? [])]);
    others.delete(dropped);
  }
  const names = Object.keys(columns);
  for (const [kept, dropped] of others) {
    const differ = dropped.filter((d) => names.some((name) => columns[name][d] !== columns[name][kept]));
    if (differ.length === 0) continue;
    const rows = differ.map((d) => converted.rows[d]).sort((a, b) => a - b);
    converted.notes.push({
      file,
      row: converted.rows[kept],
      record_id: String(columns.ticket_id[kept]),
      field: "ticket_id",
      problem: `ticket ${columns.ticket_id[kept]} also in row${rows.length > 1 ? "s" : ""} ${
        rows.join(", ")
      }, with other values`,
      action: "the latest update kept, the others merged into it",
    });
  }
  const drop = new Set(duplicates.map((d) => d.dropped));
  return {
    ...converted,
    columns: withoutRows(columns, drop),
    rows: converted.rows.filter((_, i) => !drop.has(i)),
    merged: drop.size,
  };
}

/** H3 cells at resolutions 7, 8 and 9 of every ticket with coordinates (7 and 8 as 9's parents: cheaper). */
export function addH3(tickets: Columns) {
  const n = tickets.ticket_id.length;
  const [r7, r8, r9] = [7, 8, 9].map(() => new Array(n).fill(null));
  for (let i = 0; i < n; i++) {
    if (tickets.lat[i] == null) continue;
    const cell = r9[i] = latLngToCell(tickets.lat[i] as number, tickets.lon[i] as number, 9);
    r8[i] = parentOfR9(cell, 8);
    r7[i] = parentOfR9(cell, 7);
  }
  Object.assign(tickets, { h3_r7: r7, h3_r8: r8, h3_r9: r9 });
}

/**
 * h3-js's `cellToParent` of a resolution-9 cell, done on its hex text: h3-js parses the
 * text into two 32-bit halves and formats them again, a third of the time a million tickets
 * take to read. A cell's text is 15 hex digits: `8`, the resolution, then the base cell and
 * a 3-bit digit per resolution, 7 (all ones) below the cell's own. The parent at 8 or 7 is
 * the resolution changed and the digits of 9 (and 8) set to 7; a text that is not a
 * resolution-9 cell goes to h3-js.
 */
export function parentOfR9(cell: string, resolution: 7 | 8): string {
  if (cell.length !== 15 || cell[1] !== "9" || !cell.endsWith("ffff")) return cellToParent(cell, resolution);
  const body = cell.slice(2, 9);
  if (resolution === 7) return `87${body}ffffff`;
  return `88${body}${(parseInt(cell[9], 16) | 1).toString(16)}fffff`;
}
