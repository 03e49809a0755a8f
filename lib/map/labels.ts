/** Label points for places and buildings, one per feature at its centroid, so a label never repeats per tile. */
import type { FeatureCollection } from "./geojson.ts";

export interface LabelRow {
  level: string;
  name: string;
  lon: number | null;
  lat: number | null;
}

export function labelFeatures(rows: LabelRow[]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: rows.filter((r) => r.lon != null && r.lat != null && r.name).map((r) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [r.lon, r.lat] },
      properties: { level: r.level, name: r.name },
    })),
  };
}
