/** H3 cells over the district as polygons, drawn once and recoloured by feature-state. */
import { cellToBoundary } from "h3-js";
import { cellsCovering } from "../h3/cells.ts";
import type { FeatureCollection } from "./geojson.ts";

export function hexFeatures(outlines: string[], resolution: number): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: cellsCovering(outlines, resolution).map((id) => {
      const ring = cellToBoundary(id, true);
      return {
        type: "Feature",
        geometry: { type: "Polygon", coordinates: [ring] },
        properties: { id },
      };
    }),
  };
}
