/**
 * GeoJSON FeatureCollections of places and buildings into a RawTable of the features'
 * properties (plus `id` from the feature) and their geometries in WGS84, reprojected
 * from a declared CRS and/or a Chinese map service's offset, then repaired in every ring
 * of every polygon: unclosed rings closed, repeated consecutive vertices and collinear
 * ones dropped (turf cleanCoords), zero-area spikes dropped, winding set to RFC 7946's
 * (turf rewind), self-intersecting rings split (turf unkinkPolygon). Validity is found
 * in O(n log n) (self_intersections.ts), so a boundary of a million vertices imports in
 * seconds. A point (a compound or building a map service exports
 * as one) is kept as a point. Each repair is a note; a geometry that cannot be used is
 * emptied with a note, and its row kept.
 */
import { cleanCoords, polygon as turfPolygon, rewind, unkinkPolygon } from "@turf/turf";
import type { Geometry, PolygonCoords, PolygonGeometry, Position } from "./geometry.ts";
import { EMPTIED, type Note } from "./notes.ts";
import type { RawRow, RawTable } from "./records.ts";
import { compose, type CoordSystem, fromCoordSystem, fromCrs } from "./reproject.ts";
import { selfIntersects } from "./self_intersections.ts";

/** Vertices one feature may have: 2M imports in seconds; a bigger boundary is almost surely an error of export. */
export const MAX_VERTICES = 2_000_000;

export interface PolygonTable extends RawTable {
  /** The geometry of each row, by the row's number. */
  geometries: Map<number, Geometry>;
}

type Transform = ((x: number, y: number) => [number, number]) | null;

/** The repairs made to one feature's geometry, counted by kind, for its note. */
class Repairs {
  readonly counts = new Map<string, number>();
  add(what: string, n = 1) {
    if (n > 0) this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }
  get text(): string {
    return [...this.counts].map(([what, n]) => `${n} ${what}`).join(", ");
  }
}

function readRing(ring: unknown, transform: Transform): Position[] {
  if (!Array.isArray(ring)) throw new Error("a ring is not an array of positions");
  return ring.map((position) => {
    if (!Array.isArray(position) || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      throw new Error(`position ${JSON.stringify(position)} is not a pair of numbers`);
    }
    const [x, y] = transform ? transform(position[0], position[1]) : [position[0], position[1]];
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      throw new Error(`position ${x},${y} is not longitude/latitude (a projected CRS without a "crs" member?)`);
    }
    return [x, y];
  });
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Drops vertices where the ring turns straight back (A→B→A, or A→B→C back along AB): spikes of no area. */
function dropSpikes(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring.slice(0, -1)) {
    out.push(p);
    while (out.length >= 3) {
      const [a, b, c] = out.slice(-3);
      const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
      const back = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0;
      if (cross !== 0 || !back) break;
      out.splice(-2, 1);
      if (same(out[out.length - 2] ?? [NaN], out[out.length - 1])) out.pop();
    }
  }
  return out.length ? [...out, out[0]] : out;
}

/** One ring closed, cleaned and without spikes; null when fewer than 3 distinct vertices remain. */
function repairRing(ring: Position[], repairs: Repairs): Position[] | null {
  if (ring.length > 1 && !same(ring[0], ring[ring.length - 1])) {
    ring = [...ring, ring[0]];
    repairs.add("unclosed ring closed");
  }
  if (ring.length < 4) return null;
  let cleaned: Position[];
  try {
    cleaned = cleanCoords(turfPolygon([ring])).geometry.coordinates[0];
  } catch {
    return null;
  }
  const unspiked = dropSpikes(cleaned);
  // cleanCoords also drops vertices on a straight edge, which are no fault: only repeats are noted.
  repairs.add("repeated vertices dropped", ring.filter((p, i) => i > 0 && same(p, ring[i - 1])).length);
  repairs.add("spike vertices dropped", cleaned.length - unspiked.length);
  return unspiked.length >= 4 ? unspiked : null;
}

function repairPolygon(rings: unknown, transform: Transform, repairs: Repairs): PolygonCoords[] {
  if (!Array.isArray(rings) || rings.length === 0) throw new Error("a polygon without rings");
  const [outer, ...holes] = rings.map((r) => readRing(r, transform));
  const outerRing = repairRing(outer, repairs);
  if (!outerRing) throw new Error("the outer ring has fewer than 3 distinct points");
  const holeRings = holes.map((h) => repairRing(h, repairs));
  repairs.add("degenerate holes dropped", holeRings.filter((h) => h === null).length);
  const polygon = [outerRing, ...holeRings.filter((h) => h !== null)];
  if (!selfIntersects(polygon)) return [polygon];
  const pieces = unkinkPolygon(turfPolygon(polygon)).features.map((f) => f.geometry.coordinates);
  if (pieces.length === 0) throw new Error("a self-intersecting ring that cannot be split");
  repairs.add("self-intersecting polygon split into pieces", pieces.length);
  return pieces;
}

function vertexCount(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === "number") return 1;
  let n = 0;
  for (const c of coordinates) n += vertexCount(c);
  return n;
}

/** The feature's geometry, repaired, in WGS84; throws with the reason it cannot be used. */
export function cleanGeometry(geometry: unknown, transform: Transform, repairs = new Repairs()): Geometry {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (g?.type === "Point") {
    const [[x, y]] = readRing([g.coordinates], transform);
    return { type: "Point", coordinates: [x, y] };
  }
  if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
    throw new Error(`geometry type ${g?.type ?? "none"} is not Polygon, MultiPolygon or Point`);
  }
  const vertices = vertexCount(g.coordinates);
  if (vertices > MAX_VERTICES) {
    throw new Error(
      `${vertices.toLocaleString("en")} vertices, more than the limit of ${MAX_VERTICES.toLocaleString("en")}`,
    );
  }
  const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(parts) || parts.length === 0) throw new Error("no coordinates");
  const polygons = parts.flatMap((p) => repairPolygon(p, transform, repairs));
  const repaired: PolygonGeometry = polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0] }
    : { type: "MultiPolygon", coordinates: polygons };
  // RFC 7946: outer rings counter-clockwise, holes clockwise. Not noted: many sources wind the other way on purpose.
  return rewind(repaired as never) as unknown as PolygonGeometry;
}

export function readGeoJson(file: string, json: unknown, coords: CoordSystem): PolygonTable {
  const collection = json as { type?: string; features?: unknown[]; crs?: unknown };
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new Error(`${file} is not a GeoJSON FeatureCollection`);
  }
  const transform = compose(fromCrs(collection.crs), fromCoordSystem(coords));
  const features = collection.features as { id?: unknown; properties?: Record<string, unknown>; geometry?: unknown }[];
  const headers = ["id", ...new Set(features.flatMap((f) => Object.keys(f?.properties ?? {})))];
  const rows: RawRow[] = [];
  const notes: Note[] = [];
  const geometries = new Map<number, Geometry>();
  features.forEach((feature, i) => {
    const row = i + 1;
    const properties = feature?.properties ?? {};
    const cells = headers.map((h) => h === "id" ? feature?.id ?? properties.id ?? null : properties[h] ?? null);
    rows.push({
      row,
      cells,
      get raw() {
        return JSON.stringify({ id: feature?.id, properties });
      },
    });
    const repairs = new Repairs();
    try {
      geometries.set(row, cleanGeometry(feature?.geometry, transform, repairs));
      if (repairs.counts.size) notes.push({ file, row, field: "geometry", problem: repairs.text, action: "repaired" });
    } catch (e) {
      notes.push({ file, row, field: "geometry", problem: (e as Error).message, action: EMPTIED });
    }
  });
  return { file, headers, rows, rejects: [], notes, geometries };
}
