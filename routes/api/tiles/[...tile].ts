/**
 * The district as vector tiles (lib/map/tiles.ts): `<version>/<z>/<x>/<y>.pbf`, immutable
 * because the store version is in their URL (the map page is given it, lib/map/district_tiles.ts).
 */
import type { Handlers } from "../../../framework/mod.ts";
import { dataDir } from "../../../lib/config.ts";
import { districtTiles } from "../../../lib/map/district_tiles.ts";

const TILE = /^([\w-]+)\/(\d+)\/(\d+)\/(\d+)\.pbf$/;

export const handler: Handlers = {
  async GET(_req, ctx) {
    const tiles = await districtTiles(dataDir());
    if (!tiles) return Response.json({ error: `no store in ${dataDir()}` }, { status: 503 });
    const path = ctx.params.tile;
    const match = path.match(TILE);
    if (!match) return Response.json({ error: `not a tile: ${path}` }, { status: 400 });
    const [, version, z, x, y] = match;
    // A page opened before an import asks for the old version: a miss until it is reloaded.
    if (version !== tiles.version) return new Response(null, { status: 404 });
    const body = tiles.set.tile(Number(z), Number(x), Number(y));
    if (!body) return new Response(null, { status: 204 });
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": "application/x-protobuf", "cache-control": "public, max-age=31536000, immutable" },
    });
  },
};
