/** Rows whose `geometry` column holds GeoJSON text → a FeatureCollection for the map. */
import type { Row } from "../db/connector.ts";

export interface Feature {
  type: "Feature";
  id?: number;
  geometry: unknown;
  properties: Row;
}

export interface FeatureCollection {
  type: "FeatureCollection";
  features: Feature[];
}

/**
 * Numeric feature ids (the row's position) let the map address features by
 * feature-state later; the place's own id stays in the properties.
 */
export function rowsToFeatures(rows: Row[]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: rows.map(({ geometry, ...properties }, i) => ({
      type: "Feature",
      id: i,
      geometry: JSON.parse(String(geometry)),
      properties,
    })),
  };
}

/** [west, south, east, north]. */
export type Bounds = [number, number, number, number];

/** The bounds of every coordinate in the collection. */
export function bounds(fc: FeatureCollection): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) visit((f.geometry as { coordinates: unknown }).coordinates);
  return b;
}
