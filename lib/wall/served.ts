/**
 * The wall's figures computed by the server, so the wall's browser holds no ticket row
 * and no ticket's coordinates: the scenes (lib/wall/scene_data.ts, with its small counts
 * suppressed) and the base map's layers, over the whole store in DuckDB (in a worker, so
 * the server answers meanwhile), once per store version and playlist, as JSON with a
 * brotli twin.
 */
import { promisify } from "node:util";
import { brotliCompress } from "node:zlib";
import { type DistrictLayers, loadDistrictLayers } from "../map/district_layers.ts";
import { inBuildWorker } from "../store/in_worker.ts";
import { withStoreDatabase } from "../store/scope_build.ts";
import { storeDatabasePath } from "../store/scoped.ts";
import type { Manifest } from "../store/store.ts";
import type { WallConfig } from "./config.ts";
import { loadWallData, type WallData } from "./scene_data.ts";

const compress = promisify(brotliCompress);

/** What the wall's page receives on each store version. */
export interface ServedWall {
  version: string;
  data: WallData;
  /** The base map, when the playlist has the map. */
  base: DistrictLayers | null;
}

export interface ServedWallBody {
  json: Uint8Array;
  brotli: Uint8Array;
}

/** What of a configuration changes the figures (the clocks of the screen do not). */
export function wallFiguresKey(config: WallConfig): string {
  return JSON.stringify([[...new Set(config.scenes)].sort(), config.hotspotDays, config.rankingDays]);
}

const computed = new Map<string, Promise<ServedWallBody>>();

export function servedWall(dir: string, manifest: Manifest, config: WallConfig): Promise<ServedWallBody> {
  const prefix = `${dir}\0${manifest.version}\0`;
  const id = prefix + wallFiguresKey(config);
  let body = computed.get(id);
  if (!body) {
    for (const key of computed.keys()) if (key.startsWith(`${dir}\0`) && !key.startsWith(prefix)) computed.delete(key);
    body = storeDatabasePath(dir, manifest).then((source) => inBuildWorker("wall", source, manifest, config));
    computed.set(id, body);
    body.catch(() => computed.delete(id));
  }
  return body;
}

/**
 * The figures over the whole store, read from the store's database (`source`) by the
 * native engine in a bounded memory; run in a worker (lib/store/in_worker.ts).
 */
export async function computeWall(source: string, manifest: Manifest, config: WallConfig): Promise<ServedWallBody> {
  const tempDir = `${source.replace(/\/[^/]*$/, "")}/.wall-${crypto.randomUUID()}`;
  return await withStoreDatabase(source, tempDir, async (db) => {
    const served: ServedWall = {
      version: manifest.version,
      data: await loadWallData(db, config),
      base: config.scenes.includes("map") ? await loadDistrictLayers(db) : null,
    };
    const json = new TextEncoder().encode(JSON.stringify(served));
    return { json, brotli: await compress(json) };
  });
}
