/** Relays the configured basemap's tiles (lib/map/basemap.ts, lib/map/basemap_relay.ts) from our own origin. */
import type { Handlers } from "../../../framework/mod.ts";
import { basemapTemplate, upstreamTileUrl } from "../../../lib/map/basemap.ts";
import { relayTile } from "../../../lib/map/basemap_relay.ts";

export const handler: Handlers = {
  async GET(_req, ctx) {
    const template = basemapTemplate((name) => Deno.env.get(name));
    if (!template) return new Response("no basemap configured", { status: 404 });
    const url = upstreamTileUrl(template, ctx.params.tile);
    if (!url) return new Response("not a tile", { status: 400 });
    const tile = await relayTile(url);
    if (!tile.body) return new Response(null, { status: tile.status, headers: { "cache-control": "no-store" } });
    return new Response(tile.body as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": tile.type!, "cache-control": "public, max-age=86400" },
    });
  },
};
