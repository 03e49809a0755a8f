/** What the district's vector tiles hold, shared by the server that cuts them and the style that draws them. */

/** The source layers of a tile, in the order the style draws them. */
export const TILE_LAYERS = [
  "water",
  "roads",
  "streets",
  "communities",
  "compounds",
  "buildings",
  "labels",
  "building_labels",
] as const;
export type TileLayer = typeof TILE_LAYERS[number];

/**
 * The zoom a layer's tiles start at, matching the style's minzoom: 100k footprints in a
 * district-wide tile would be megabytes nobody can see.
 */
export const TILE_MIN_ZOOM: Partial<Record<TileLayer, number>> = { buildings: 15, building_labels: 16 };

/** Beyond this zoom MapLibre over-zooms the last tiles: footprints need no more detail. */
export const TILE_MAX_ZOOM = 16;

/** Each feature-state layer's id property. */
export const TILE_PROMOTE_ID: Partial<Record<TileLayer, string>> = {
  streets: "place_id",
  communities: "place_id",
  compounds: "place_id",
  buildings: "building_id",
};
