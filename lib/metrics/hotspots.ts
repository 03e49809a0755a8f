/**
 * Hot and cold spots of tickets: counts per unit from SQL, Getis-Ord Gi* over each unit
 * and its neighbours. Units are H3 cells over the whole district (empty cells included:
 * they are what makes a cluster of busy cells stand out), or compounds or buildings,
 * neighbours when their centroids lie within a distance of each other.
 */
import { Float64, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import type { Connector } from "../db/connector.ts";
import { cellsCovering, ringNeighbours } from "../h3/cells.ts";
import { type Filter, filterSql } from "./filter.ts";
import { type GiClass, giStar, giStarSql } from "./gi_star.ts";

export const H3_RESOLUTIONS = [7, 8, 9] as const;
export type H3Resolution = typeof H3_RESOLUTIONS[number];

export type HotspotUnits =
  /** H3 cells; neighbours are the cells within `k` rings (1 by default). */
  | { level: "h3"; resolution: H3Resolution; k?: number }
  /** Compounds or buildings; neighbours are those whose centroids lie within `distance` metres. */
  | { level: "compound" | "building"; distance: number };

export interface Hotspot {
  id: string;
  tickets: number;
  z: number;
  p: number;
  class: GiClass;
}

/** The study area's outline: the district, and its streets in case a store has no district polygon. */
export const STUDY_AREA_SQL =
  `SELECT geometry FROM places WHERE level IN ('district', 'street') AND geometry IS NOT NULL`;

/** Tickets per H3 cell, only the cells that have some. */
export function cellCountsSql(resolution: H3Resolution, filter: Filter = {}): string {
  const cell = `h3_r${resolution}`;
  return `SELECT ${cell} AS id, count(*) AS tickets
FROM tickets
WHERE ${cell} IS NOT NULL AND ${filterSql(filter)}
GROUP BY ALL
ORDER BY id`;
}

/** Every compound or building with its centroid and tickets, zero included. */
export function placeCountsSql(level: "compound" | "building", filter: Filter = {}): string {
  const [units, id, where] = level === "compound"
    ? ["places", "place_id", "level = 'compound'"]
    : ["buildings", "building_id", "true"];
  return `WITH counts AS (
  SELECT ${level}_id AS id, count(*) AS tickets FROM tickets WHERE ${filterSql(filter)} GROUP BY ALL
)
SELECT u.${id} AS id, u.lon, u.lat, coalesce(c.tickets, 0) AS tickets
FROM ${units} u LEFT JOIN counts c ON c.id = u.${id}
WHERE ${where} AND u.lon IS NOT NULL AND u.lat IS NOT NULL
ORDER BY id`;
}

export const EARTH_RADIUS_M = 6_371_008.8;

/**
 * For each point, the indices of the other points within `metres`. Equirectangular
 * distances (exact to well under 0.1 % across a district) over a grid of `metres`-wide
 * buckets, so only the 3×3 buckets around a point are compared.
 */
export function distanceNeighbours(points: { lon: number; lat: number }[], metres: number): number[][] {
  if (!(metres > 0)) throw new Error(`the neighbour distance must be positive, not ${metres}`);
  const lat0 = points.reduce((sum, p) => sum + p.lat, 0) / Math.max(1, points.length) * Math.PI / 180;
  const xy = points.map((p) => [
    EARTH_RADIUS_M * p.lon * Math.PI / 180 * Math.cos(lat0),
    EARTH_RADIUS_M * p.lat * Math.PI / 180,
  ]);
  const bucketOf = ([x, y]: number[]) => [Math.floor(x / metres), Math.floor(y / metres)];
  const buckets = new Map<string, number[]>();
  xy.forEach((p, i) => {
    const key = bucketOf(p).join();
    buckets.set(key, [...buckets.get(key) ?? [], i]);
  });
  return xy.map(([x, y], i) => {
    const [bx, by] = bucketOf([x, y]);
    const found: number[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of buckets.get([bx + dx, by + dy].join()) ?? []) {
          if (j !== i && Math.hypot(xy[j][0] - x, xy[j][1] - y) <= metres) found.push(j);
        }
      }
    }
    return found.sort((a, b) => a - b);
  });
}

/** The study area's units, their ticket counts and neighbour lists, ready for Gi*. */
export interface StudyArea {
  ids: string[];
  tickets: number[];
  neighbours: number[][];
}

export async function studyArea(db: Connector, units: HotspotUnits, filter: Filter = {}): Promise<StudyArea> {
  if (units.level === "h3") {
    const counts = await db.query<{ id: string; tickets: number }>(cellCountsSql(units.resolution, filter));
    const outline = await db.query<{ geometry: string }>(STUDY_AREA_SQL);
    const covering = cellsCovering(outline.map((row) => row.geometry), units.resolution);
    // A ticket located outside the outline still counts, in a cell of its own.
    const ids = [...new Set([...covering, ...counts.map((c) => c.id)])].sort();
    const byId = new Map(counts.map((c) => [c.id, c.tickets]));
    return { ids, tickets: ids.map((id) => byId.get(id) ?? 0), neighbours: ringNeighbours(ids, units.k ?? 1) };
  }
  const rows = await db.query<{ id: string; lon: number; lat: number; tickets: number }>(
    placeCountsSql(units.level, filter),
  );
  return {
    ids: rows.map((r) => r.id),
    tickets: rows.map((r) => r.tickets),
    neighbours: distanceNeighbours(rows, units.distance),
  };
}

/** Gi* hot and cold spots over the study area, computed in TypeScript. */
export async function hotspots(db: Connector, units: HotspotUnits, filter: Filter = {}): Promise<Hotspot[]> {
  const area = await studyArea(db, units, filter);
  const gi = giStar(area.tickets, area.neighbours);
  return area.ids.map((id, i) => ({ id, tickets: area.tickets[i], z: gi.z[i], p: gi.p[i], class: gi.classes[i] }));
}

/** The tables `hotspotsInSql` reads: the study area's units with their counts, and neighbour pairs. */
export const GI_TABLES = { values: "gi_values", neighbours: "gi_neighbours" } as const;

/**
 * The same hot and cold spots computed by DuckDB: the study area is loaded as two small
 * tables and `giStarSql` does the arithmetic, for callers that want the result as a table.
 */
export async function hotspotsInSql(db: Connector, units: HotspotUnits, filter: Filter = {}): Promise<Hotspot[]> {
  const area = await studyArea(db, units, filter);
  const pairs = area.neighbours.flatMap((list, i) => list.map((j) => [area.ids[i], area.ids[j]]));
  const text = (values: string[]) => vectorFromArray(values, new Utf8());
  await db.insertArrowStream(
    GI_TABLES.values,
    tableToIPC(new Table({ id: text(area.ids), value: vectorFromArray(area.tickets, new Float64()) }), "stream"),
  );
  await db.insertArrowStream(
    GI_TABLES.neighbours,
    tableToIPC(new Table({ id: text(pairs.map((p) => p[0])), neighbour: text(pairs.map((p) => p[1])) }), "stream"),
  );
  const rows = await db.query<Hotspot & { value: number }>(
    giStarSql(`SELECT * FROM ${GI_TABLES.values}`, `SELECT * FROM ${GI_TABLES.neighbours}`),
  );
  return rows.map(({ id, value, z, p, class: c }) => ({ id, tickets: value, z, p, class: c }));
}
