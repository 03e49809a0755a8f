/**
 * Tickets from any of the readers (CSV, XLSX, Open311) to canonical ticket columns:
 * status normalised, coordinates checked and converted to WGS84, H3 cells, and
 * duplicates within the file resolved to their newest version.
 */
import { latLngToCell } from "h3-js";
import type { Columns } from "../schema.ts";
import { UPDATED_AT } from "./headers.ts";
import type { Mapping } from "./mapping.ts";
import { duplicatesWithin, type VersionOf, withoutRows } from "./merge.ts";
import { cellParser, type Converted, convertRecords, type RawTable, type RowRule } from "./records.ts";
import { type CoordSystem, fromCoordSystem } from "./reproject.ts";
import { normalizeStatus } from "./status.ts";

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

const statusRule: RowRule = (columns, i) => {
  const written = columns.status[i] as string | null;
  columns.status_source[i] ??= written;
  columns.status[i] = normalizeStatus(written, columns.closed_at[i] as number | null);
  return null;
};

const coordinatesRule: RowRule = (columns, i) => {
  const lon = columns.lon[i] as number | null, lat = columns.lat[i] as number | null;
  // 0,0 is how many exports write "no location"; it is in the Gulf of Guinea, not in any district.
  if ((lon === 0 && lat === 0) || (lon === null && lat === null)) {
    columns.lon[i] = columns.lat[i] = null;
    return null;
  }
  if (lon === null || lat === null) {
    return { field: lon === null ? "lon" : "lat", reason: "a coordinate without the other" };
  }
  if (Math.abs(lat) > 90) return { field: "lat", reason: `latitude ${lat} is outside -90…90` };
  if (Math.abs(lon) > 180) return { field: "lon", reason: `longitude ${lon} is outside -180…180` };
  return null;
};

const closedAfterCreated: RowRule = (columns, i) => {
  const created = columns.created_at[i] as number | null, closed = columns.closed_at[i] as number | null;
  return created !== null && closed !== null && closed < created
    ? { field: "closed_at", reason: "closed before it was created" }
    : null;
};

export function convertTickets(raw: RawTable, mapping: Mapping, coords: CoordSystem): Converted {
  const converted = convertRecords("tickets", raw, mapping, {
    extra: { [UPDATED_AT]: cellParser({ type: "TIMESTAMP" }, mapping.timestamps) },
    rules: [statusRule, coordinatesRule, closedAfterCreated],
  });
  const { columns } = converted;
  const transform = fromCoordSystem(coords);
  if (transform) {
    for (let i = 0; i < columns.lon.length; i++) {
      if (columns.lon[i] === null) continue;
      [columns.lon[i], columns.lat[i]] = transform(columns.lon[i] as number, columns.lat[i] as number);
    }
  }
  const duplicates = duplicatesWithin("tickets", columns, ticketVersion);
  for (const { dropped, keptBy } of duplicates) {
    const source = converted.sources[dropped];
    converted.rejects.push({
      file: raw.file,
      row: source.row,
      field: "ticket_id",
      reason: `duplicate ticket_id ${columns.ticket_id[dropped]}: row ${
        converted.sources[keptBy].row
      } is its newer version`,
      raw: source.raw,
    });
  }
  const drop = new Set(duplicates.map((d) => d.dropped));
  return {
    ...converted,
    columns: withoutRows(columns, drop),
    sources: converted.sources.filter((_, i) => !drop.has(i)),
  };
}

/** H3 cells at resolutions 7, 8 and 9 of every ticket with coordinates. */
export function addH3(tickets: Columns) {
  const n = tickets.ticket_id.length;
  for (const res of [7, 8, 9]) {
    const cells = new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      if (tickets.lat[i] != null) cells[i] = latLngToCell(tickets.lat[i] as number, tickets.lon[i] as number, res);
    }
    tickets[`h3_r${res}`] = cells;
  }
}
