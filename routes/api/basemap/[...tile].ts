/** Relays the configured basemap's tiles (lib/map/basemap.ts) from our own origin. */
import type { Handlers } from "../../../framework/mod.ts";
import { basemapTemplate, upstreamTileUrl } from "../../../lib/map/basemap.ts";

export const handler: Handlers = {
  async GET(_req, ctx) {
    const template = basemapTemplate((name) => Deno.env.get(name));
    if (!template) return new Response("no basemap configured", { status: 404 });
    const url = upstreamTileUrl(template, ctx.params.tile);
    if (!url) return new Response("not a tile", { status: 400 });
    const upstream = await fetch(url);
    if (!upstream.ok) return new Response(null, { status: upstream.status === 404 ? 404 : 502 });
    return new Response(upstream.body, {
      headers: {
        "content-type": upstream.headers.get("content-type") ?? "application/octet-stream",
        "cache-control": "public, max-age=86400",
      },
    });
  },
};
