/**
 * GeoJSON FeatureCollections of polygons (places, buildings) into a RawTable of the
 * features' properties (plus `id` from the feature) and their geometries in WGS84,
 * reprojected from a declared CRS and/or a Chinese map service's offset, repaired
 * where that is safe: open rings closed, repeated points dropped, degenerate holes
 * dropped, self-intersecting rings split. Anything else is rejected with its reason.
 */
import { kinks, polygon as turfPolygon, unkinkPolygon } from "@turf/turf";
import type { PolygonCoords, PolygonGeometry, Position } from "./geometry.ts";
import type { RawRow, RawTable } from "./records.ts";
import type { Reject } from "./rejects.ts";
import { compose, type CoordSystem, fromCoordSystem, fromCrs } from "./reproject.ts";

export interface PolygonTable extends RawTable {
  /** The geometry of each row, by the row's number. */
  geometries: Map<number, PolygonGeometry>;
}

type Transform = ((x: number, y: number) => [number, number]) | null;

function cleanRing(ring: unknown, transform: Transform): Position[] {
  if (!Array.isArray(ring)) throw new Error("a ring is not an array of positions");
  const out: Position[] = [];
  for (const position of ring) {
    if (!Array.isArray(position) || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      throw new Error(`position ${JSON.stringify(position)} is not a pair of numbers`);
    }
    const [x, y] = transform ? transform(position[0], position[1]) : [position[0], position[1]];
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  if (out.length > 1 && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) {
    out.push(out[0]);
  }
  return out;
}

function cleanPolygon(rings: unknown, transform: Transform): PolygonCoords[] {
  if (!Array.isArray(rings) || rings.length === 0) throw new Error("a polygon without rings");
  const [outer, ...holes] = rings.map((r) => cleanRing(r, transform));
  if (outer.length < 4) {
    throw new Error(`the outer ring has ${Math.max(0, outer.length - 1)} distinct points, fewer than 3`);
  }
  for (const [x, y] of outer) {
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      throw new Error(`position ${x},${y} is not longitude/latitude (a projected CRS without a "crs" member?)`);
    }
  }
  const polygon = [outer, ...holes.filter((h) => h.length >= 4)];
  if (kinks(turfPolygon(polygon)).features.length === 0) return [polygon];
  const pieces = unkinkPolygon(turfPolygon(polygon)).features.map((f) => f.geometry.coordinates);
  if (pieces.length === 0) throw new Error("a self-intersecting ring that cannot be split");
  return pieces;
}

/** The feature's geometry, cleaned, in WGS84; throws with the reason it cannot be used. */
export function cleanGeometry(geometry: unknown, transform: Transform): PolygonGeometry {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
    throw new Error(`geometry type ${g?.type ?? "none"} is not Polygon or MultiPolygon`);
  }
  const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(parts) || parts.length === 0) throw new Error("no coordinates");
  const polygons = parts.flatMap((p) => cleanPolygon(p, transform));
  return polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0] }
    : { type: "MultiPolygon", coordinates: polygons };
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
  const rejects: Reject[] = [];
  const geometries = new Map<number, PolygonGeometry>();
  features.forEach((feature, i) => {
    const row = i + 1;
    const properties = feature?.properties ?? {};
    const cells = headers.map((h) => h === "id" ? feature?.id ?? properties.id ?? null : properties[h] ?? null);
    const raw = () => JSON.stringify({ id: feature?.id, properties });
    try {
      geometries.set(row, cleanGeometry(feature?.geometry, transform));
      rows.push({
        row,
        cells,
        get raw() {
          return raw();
        },
      });
    } catch (e) {
      rejects.push({ file, row, field: "geometry", reason: (e as Error).message, raw: raw() });
    }
  });
  return { file, headers, rows, rejects, geometries };
}
