/**
 * The store, as the browser receives it: `manifest.json` and one Arrow IPC stream per
 * table, brotli-compressed. `?scope=public` leaves out residents' personal columns.
 * Served through a route, not as static files, so what each user receives can be scoped.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { acceptsBrotli, bytesResponse } from "../../../framework/static.ts";
import { dataDir } from "../../../lib/config.ts";
import { readManifest, type Scope, tableFile } from "../../../lib/store/store.ts";

export const handler: Handlers = {
  async GET(req, ctx) {
    const dir = dataDir();
    const manifest = await readManifest(dir);
    if (!manifest) return Response.json({ error: `no store in ${dir}` }, { status: 503 });
    const scope: Scope = new URL(req.url).searchParams.get("scope") === "public" ? "public" : "full";
    const { file } = ctx.params;
    const headers = { "cache-control": "no-cache", etag: `"${manifest.version}-${scope}-${file}"` };
    if (file === "manifest.json") {
      const body = new TextEncoder().encode(JSON.stringify(manifest));
      return bytesResponse(req, body, { ...headers, "content-type": "application/json; charset=utf-8" });
    }
    const table = file.replace(/\.arrow$/, "");
    if (!file.endsWith(".arrow") || !manifest.tables[table]) {
      return Response.json({ error: `no table "${table}" in the store` }, { status: 404 });
    }
    const brotli = acceptsBrotli(req);
    const path = tableFile(dir, manifest, table, scope) + (brotli ? ".br" : "");
    return bytesResponse(req, await Deno.readFile(path), {
      ...headers,
      "content-type": "application/vnd.apache.arrow.stream",
      ...(brotli ? { "content-encoding": "br" } : {}),
    });
  },
};
