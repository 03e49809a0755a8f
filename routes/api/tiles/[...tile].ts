/**
 * The district as vector tiles (lib/map/tiles.ts): `<version>/<z>/<x>/<y>.pbf`, immutable
 * because the store version is in their URL (the map page is given it, lib/map/district_tiles.ts).
 * A version replaced by an import answers for a grace period, then 404, as does any tile
 * outside the served zooms and the 2^z grid.
 */
import { IMMUTABLE } from "../../../framework/cache_control.ts";
import type { Handlers } from "../../../framework/mod.ts";
import { dataDir } from "../../../lib/config.ts";
import { districtTile } from "../../../lib/map/district_tiles.ts";

const TILE = /^([\w-]+)\/(\d+)\/(\d+)\/(\d+)\.pbf$/;

export const handler: Handlers = {
  async GET(_req, ctx) {
    const match = ctx.params.tile.match(TILE);
    if (!match) return Response.json({ error: "not a tile: <version>/<z>/<x>/<y>.pbf" }, { status: 400 });
    const [, version, z, x, y] = match;
    const body = await districtTile(dataDir(), version, Number(z), Number(x), Number(y));
    if (body === undefined) return new Response(null, { status: 404, headers: { "cache-control": "no-store" } });
    if (body === null) {
      return new Response(null, { status: 204, headers: { "cache-control": IMMUTABLE } });
    }
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": "application/x-protobuf", "cache-control": IMMUTABLE },
    });
  },
};
