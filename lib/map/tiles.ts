/**
 * The district's geometry as vector tiles, cut on the server from the store: the map
 * draws at once from a few tiles of our own origin instead of waiting for the browser
 * to load, parse and index every building (100k footprints are seconds of work there).
 * Places and buildings keep their ids as properties, which the map promotes to feature
 * ids for feature-state, so a filter recolours tiles already drawn.
 */
import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import { isPointText } from "../import/geometry.ts";
import type { Columns } from "../schema.ts";
import { bounds, type Feature, type FeatureCollection } from "./geojson.ts";
import { TILE_LAYERS, TILE_MAX_ZOOM, TILE_MIN_ZOOM, type TileLayer } from "./tile_layers.ts";

export interface TileSet {
  bounds: [number, number, number, number];
  /** Cuts one tile, or null where the district has nothing; callers cache (lib/map/district_tiles.ts). */
  tile(z: number, x: number, y: number): Uint8Array | null;
}

/** The tables the tiles are cut from. */
export interface TileTables {
  places: Columns;
  buildings: Columns;
  map_features: Columns;
}

function features(columns: Columns, keep: (i: number) => boolean, properties: string[]): Feature[] {
  const out: Feature[] = [];
  const n = columns.geometry?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const text = columns.geometry[i];
    if (text == null || !keep(i)) continue;
    out.push({
      type: "Feature",
      geometry: JSON.parse(String(text)),
      properties: Object.fromEntries(properties.map((p) => [p, columns[p][i] ?? null])),
    });
  }
  return out;
}

/** One point per named place or building: a label is placed once, not once per tile a polygon crosses. */
function labelPoints(places: Columns, buildings: Columns): { places: Feature[]; buildings: Feature[] } {
  const points = (columns: Columns, level: (i: number) => string | null) =>
    columns.name.flatMap((name, i): Feature[] => {
      const l = level(i), lon = columns.lon[i], lat = columns.lat[i];
      if (!name || !l || lon == null || lat == null) return [];
      return [{
        type: "Feature",
        geometry: { type: "Point", coordinates: [lon, lat] },
        properties: { level: l, name },
      }];
    });
  const placeLevel = (i: number) => {
    const level = String(places.level[i]);
    // A place stored as a point is labelled beside its circle, from its own layer (lib/map/style.ts).
    if (places.geometry?.[i] != null && isPointText(String(places.geometry[i]))) return null;
    return ["street", "community", "compound"].includes(level) ? level : null;
  };
  return { places: points(places, placeLevel), buildings: points(buildings, () => "building") };
}

export function districtLayers(tables: TileTables): Record<TileLayer, FeatureCollection> {
  const { places, buildings, map_features: mapFeatures } = tables;
  const collection = (list: Feature[]): FeatureCollection => ({ type: "FeatureCollection", features: list });
  const placeLayer = (level: string) =>
    collection(features(places, (i) => places.level[i] === level, ["place_id", "name"]));
  const labels = labelPoints(places, buildings);
  const mapLayer = (layer: string) =>
    collection(features(mapFeatures, (i) => mapFeatures.layer[i] === layer, ["feature_id", "kind", "name"]));
  return {
    water: mapLayer("water"),
    roads: mapLayer("road"),
    streets: placeLayer("street"),
    communities: placeLayer("community"),
    compounds: placeLayer("compound"),
    buildings: collection(features(buildings, () => true, ["building_id", "compound_id", "name", "floors"])),
    labels: collection(labels.places),
    building_labels: collection(labels.buildings),
  };
}

export function buildTileSet(layers: Record<TileLayer, FeatureCollection>): TileSet {
  const indexes = TILE_LAYERS.map((name) => ({
    name,
    minZoom: TILE_MIN_ZOOM[name] ?? 0,
    index: new GeoJSONVT(layers[name] as never, { maxZoom: TILE_MAX_ZOOM }),
  }));
  return {
    bounds: bounds(layers.compounds.features.length ? layers.compounds : layers.streets),
    tile(z, x, y) {
      const found = Object.fromEntries(
        indexes.filter((l) => z >= l.minZoom).flatMap(({ name, index }) => {
          const tile = index.getTile(z, x, y);
          return tile && tile.features.length ? [[name, tile]] : [];
        }),
      );
      return Object.keys(found).length ? fromGeojsonVt(found as never, { version: 2, extent: 4096 }) : null;
    },
  };
}

/**
 * Whether z/x/y names a tile the server serves: zoom 0 to TILE_MAX_ZOOM (the map overzooms
 * beyond), x and y within 0…2^z−1 (the tile index would wrap x, so one tile would answer
 * under endless URLs).
 */
export function isServedTile(z: number, x: number, y: number): boolean {
  return [z, x, y].every(Number.isSafeInteger) && z >= 0 && z <= TILE_MAX_ZOOM && x >= 0 && y >= 0 &&
    x < 2 ** z && y < 2 ** z;
}
