/** Polygons of one level that overlap each other (not merely touch), for the import to report. */
import { area, feature, featureCollection, intersect } from "@turf/turf";
import { PackedPolygons, type PolygonGeometry } from "./geometry.ts";

export interface Overlap {
  a: string;
  b: string;
  area_m2: number;
}

/** Shared edges and float noise leave slivers; less than this is not an overlap. */
const MIN_OVERLAP_M2 = 1;

export function findOverlaps(ids: string[], geometries: PolygonGeometry[]): Overlap[] {
  if (ids.length < 2) return [];
  const polygons = new PackedPolygons(geometries);
  const index = polygons.boxIndex();
  const overlaps: Overlap[] = [];
  geometries.forEach((_, i) => {
    for (const j of polygons.boxNeighbours(index, i)) {
      if (j <= i) continue;
      // deno-lint-ignore no-explicit-any -- turf's generics want Polygon | MultiPolygon features; ours are exactly that.
      const shared = intersect(featureCollection([feature(geometries[i] as any), feature(geometries[j] as any)]));
      const m2 = shared ? area(shared) : 0;
      if (m2 >= MIN_OVERLAP_M2) overlaps.push({ a: ids[i], b: ids[j], area_m2: Math.round(m2 * 10) / 10 });
    }
  });
  return overlaps;
}
