/**
 * The server's tile set for the store it serves, cut once per store version: an import
 * that writes a new version is picked up by the next request, as the data routes do.
 */
import { readColumns } from "../store/read_columns.ts";
import { readManifest } from "../store/store.ts";
import type { Bounds } from "./geojson.ts";
import { buildTileSet, districtLayers, type TileSet } from "./tiles.ts";

let current: { dir: string; version: string; set: Promise<TileSet> } | undefined;

/** null when there is no store in `dir`. */
export async function districtTiles(dir: string): Promise<{ version: string; set: TileSet } | null> {
  const manifest = await readManifest(dir);
  if (!manifest) return null;
  if (current?.dir !== dir || current.version !== manifest.version) {
    const read = (name: string) => readColumns(dir, manifest, name);
    const set = Promise.all([read("places"), read("buildings"), read("map_features")]).then(
      ([places, buildings, map_features]) => buildTileSet(districtLayers({ places, buildings, map_features })),
    );
    current = { dir, version: manifest.version, set };
    // A failed cut is not kept: the next request tries again.
    set.catch(() => current?.set === set && (current = undefined));
  }
  const { version, set } = current;
  return { version, set: await set };
}

/** What a map page is given to draw from the tiles: their URL template and the district's extent. */
export interface TileIndex {
  /** On our origin, with {z}/{x}/{y}. */
  path: string;
  bounds: Bounds;
}

export async function tileIndex(dir: string): Promise<TileIndex | null> {
  const tiles = await districtTiles(dir);
  return tiles && { path: `/api/tiles/${tiles.version}/{z}/{x}/{y}.pbf`, bounds: tiles.set.bounds };
}
