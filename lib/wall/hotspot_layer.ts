/**
 * Gi* hot and cold spots on H3 cells as the map's overlay. Every cell of the study area
 * is drawn, the insignificant ones clear, so the map keeps framing the whole district
 * and shows the grid the statistic was computed on.
 */
import { cellToBoundary } from "h3-js";
import type { FeatureCollection } from "../map/geojson.ts";
import { GI_COLORS } from "../map/palette.ts";
import type { Hotspot } from "../metrics/hotspots.ts";
import type { GiClass } from "../metrics/gi_star.ts";

/** The classes a legend lists, hottest first. */
export const SIGNIFICANT_CLASSES: GiClass[] = ["hot99", "hot95", "hot90", "cold90", "cold95", "cold99"];

export function hotspotLayer(hotspots: Hotspot[]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: hotspots.map((h, i) => {
      return {
        type: "Feature",
        id: i,
        // As GeoJSON: [lng, lat] pairs, the ring closed.
        geometry: { type: "Polygon", coordinates: [cellToBoundary(h.id, true)] },
        properties: { cell: h.id, class: h.class, tickets: h.tickets, color: GI_COLORS.dark[h.class] },
      };
    }),
  };
}
