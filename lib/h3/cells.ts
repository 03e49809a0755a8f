/**
 * H3 cells as units of a study area. DuckDB-WASM has no h3 extension, so the cells of
 * an area and their rings are computed here with h3-js and handed to SQL as tables.
 */
import { gridDisk, POLYGON_TO_CELLS_FLAGS, polygonToCellsExperimental } from "h3-js";

/**
 * The cells at `resolution` that overlap any of the GeoJSON Polygon or MultiPolygon
 * geometries, sorted. Overlap rather than centre containment, so that a ticket near the
 * boundary never falls in a cell outside the area.
 */
export function cellsCovering(geometries: string[], resolution: number): string[] {
  const cells = new Set<string>();
  for (const text of geometries) {
    const geometry = JSON.parse(text) as { type: string; coordinates: number[][][] | number[][][][] };
    const polygons = geometry.type === "MultiPolygon"
      ? geometry.coordinates as number[][][][]
      : geometry.type === "Polygon"
      ? [geometry.coordinates as number[][][]]
      : [];
    for (const polygon of polygons) {
      const covering = polygonToCellsExperimental(
        polygon,
        resolution,
        POLYGON_TO_CELLS_FLAGS.containmentOverlapping,
        true,
      );
      for (const cell of covering) cells.add(cell);
    }
  }
  return [...cells].sort();
}

/**
 * For each cell, the indices in `cells` of the other cells within `k` rings of it.
 * Cells outside the list are left out: beyond the study area there is no data, not zero.
 */
export function ringNeighbours(cells: string[], k = 1): number[][] {
  const index = new Map(cells.map((cell, i) => [cell, i]));
  return cells.map((cell, i) =>
    gridDisk(cell, k).map((c) => index.get(c)).filter((j): j is number => j !== undefined && j !== i)
  );
}
