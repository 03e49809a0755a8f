/**
 * The wall's figures, computed by the server (lib/wall/served.ts): the screen asks with
 * its playlist (`?scenes=…`, as in its own address) and receives aggregates only.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { acceptsBrotli, bytesResponse } from "../../../framework/static.ts";
import { dataDir } from "../../../lib/config.ts";
import { readManifest } from "../../../lib/store/store.ts";
import { wallConfigFromUrl } from "../../../lib/wall/config.ts";
import { servedWall } from "../../../lib/wall/served.ts";

export const handler: Handlers = {
  async GET(req) {
    const dir = dataDir();
    const manifest = await readManifest(dir);
    if (!manifest) return Response.json({ error: "no store has been imported yet" }, { status: 503 });
    const body = await servedWall(dir, manifest, wallConfigFromUrl(new URL(req.url).searchParams));
    const brotli = acceptsBrotli(req);
    return bytesResponse(req, brotli ? body.brotli : body.json, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "private, no-store",
      ...(brotli ? { "content-encoding": "br" } : {}),
    });
  },
};
