/**
 * The district as vector tiles (lib/map/tiles.ts): `index.json` names the store version
 * and the district's bounds; `<version>/<z>/<x>/<y>.pbf` are the tiles, immutable because
 * the version is in their URL.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { dataDir } from "../../../lib/config.ts";
import { districtTiles } from "../../../lib/map/district_tiles.ts";
import { TILE_MAX_ZOOM } from "../../../lib/map/tile_layers.ts";

const TILE = /^([\w-]+)\/(\d+)\/(\d+)\/(\d+)\.pbf$/;

export const handler: Handlers = {
  async GET(_req, ctx) {
    const tiles = await districtTiles(dataDir());
    if (!tiles) return Response.json({ error: `no store in ${dataDir()}` }, { status: 503 });
    const path = ctx.params.tile;
    if (path === "index.json") {
      return Response.json(
        { version: tiles.version, bounds: tiles.set.bounds, maxzoom: TILE_MAX_ZOOM },
        { headers: { "cache-control": "no-cache" } },
      );
    }
    const match = path.match(TILE);
    if (!match) return Response.json({ error: `not a tile: ${path}` }, { status: 400 });
    const [, version, z, x, y] = match;
    // A page still holding an older version's URLs gets a miss, and reloads the index.
    if (version !== tiles.version) return new Response(null, { status: 404 });
    const body = tiles.set.tile(Number(z), Number(x), Number(y));
    if (!body) return new Response(null, { status: 204 });
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": "application/x-protobuf", "cache-control": "public, max-age=31536000, immutable" },
    });
  },
};
