/**
 * The server's tile set for the store it serves, cut once per store version: an import
 * that writes a new version is picked up by the next request, as the data routes do.
 * Encoded tiles are kept in a cache bounded by bytes. A version replaced by an import stays
 * served for a grace period (`versionGraceMs`), so a map opened
 * before the import keeps drawing until it notices the new version and reloads.
 */
import { byteCache } from "../store/byte_cache.ts";
import { readColumns } from "../store/read_columns.ts";
import { readManifest, versionGraceMs } from "../store/store.ts";
import type { Bounds } from "./geojson.ts";
import { buildTileSet, districtLayers, isServedTile, type TileSet } from "./tiles.ts";

interface Cut {
  dir: string;
  version: string;
  set: Promise<TileSet>;
}

let current: Cut | undefined;
/** Versions replaced by an import, until when they are still served. */
const retired = new Map<string, { cut: Cut; until: number }>();
/** An empty array stands for "nothing there", which is worth caching too. */
let encoded: ReturnType<typeof byteCache<Uint8Array>> | undefined;
const NOTHING = new Uint8Array(0);

/** null when there is no store in `dir`. */
export async function districtTiles(dir: string): Promise<{ version: string; set: TileSet } | null> {
  const manifest = await readManifest(dir);
  for (const [v, { until }] of retired) if (until <= Date.now()) retired.delete(v);
  if (!manifest) return null;
  if (current?.dir !== dir || current.version !== manifest.version) {
    if (current?.dir === dir) retired.set(current.version, { cut: current, until: Date.now() + versionGraceMs() });
    if (current?.dir !== dir) retired.clear();
    const read = (name: string) => readColumns(dir, manifest, name);
    const set = Promise.all([read("places"), read("buildings"), read("map_features")]).then(
      ([places, buildings, map_features]) => buildTileSet(districtLayers({ places, buildings, map_features })),
    );
    const cut = current = { dir, version: manifest.version, set };
    // A failed cut is not kept: the next request tries again.
    set.catch(() => current === cut && (current = undefined));
  }
  const { version, set } = current;
  return { version, set: await set };
}

/**
 * One tile of a version being served (the store's current one, or one retired less than the
 * grace period ago): its bytes, null where the district has nothing, undefined when the
 * version or the tile is not served (a 404).
 */
export async function districtTile(
  dir: string,
  version: string,
  z: number,
  x: number,
  y: number,
): Promise<Uint8Array | null | undefined> {
  const now = await districtTiles(dir);
  if (!now || !isServedTile(z, x, y)) return undefined;
  const set = version === now.version ? now.set : await retired.get(version)?.cut.set;
  if (!set) return undefined;
  encoded ??= byteCache<Uint8Array>((b) => b.length + 64);
  const key = `${version}/${z}/${x}/${y}`;
  let body = encoded.get(key);
  if (!body) encoded.set(key, body = set.tile(z, x, y) ?? NOTHING);
  return body === NOTHING ? null : body;
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
