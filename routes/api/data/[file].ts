/**
 * The store, as the browser receives it: `manifest.json` and one Arrow IPC stream per
 * table, brotli-compressed, scoped by who the request acts for (lib/access/scope.ts):
 * the scope comes from the principal alone, and a request without one is refused.
 * Every table download is written to the audit trail.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { acceptsBrotli, bytesResponse } from "../../../framework/static.ts";
import { audit } from "../../../lib/access/audit.ts";
import { scopeKeyOf } from "../../../lib/access/scope.ts";
import { requestPrincipal, unauthorised } from "../../../lib/access/unenforced.ts";
import { dataDir } from "../../../lib/config.ts";
import { scopedManifest } from "../../../lib/store/scoped.ts";
import { readManifest } from "../../../lib/store/store.ts";

export const handler: Handlers = {
  async GET(req, ctx) {
    const principal = requestPrincipal(ctx.state);
    if (!principal) return unauthorised();
    const dir = dataDir();
    const stored = await readManifest(dir);
    if (!stored) return Response.json({ error: `no store in ${dir}` }, { status: 503 });
    const scope = scopeKeyOf(principal);
    const manifest = await scopedManifest(dir, stored, scope);
    const { file } = ctx.params;
    const headers = { "cache-control": "private, no-cache", etag: `"${manifest.version}-${scope}-${file}"` };
    if (file === "manifest.json") {
      // Where the files lie is the server's business: the browser gets rows and sizes.
      const tables = Object.fromEntries(
        Object.entries(manifest.tables).map(([name, { rows, bytes }]) => [name, { rows, bytes }]),
      );
      const body = new TextEncoder().encode(JSON.stringify({ ...manifest, tables }));
      return bytesResponse(req, body, { ...headers, "content-type": "application/json; charset=utf-8" });
    }
    const table = file.replace(/\.arrow$/, "");
    const entry = manifest.tables[table];
    if (!file.endsWith(".arrow") || !entry) {
      return Response.json({ error: `no table "${table}" in the store` }, { status: 404 });
    }
    const brotli = acceptsBrotli(req);
    const response = bytesResponse(req, await Deno.readFile(`${dir}/${entry.file}${brotli ? ".br" : ""}`), {
      ...headers,
      "content-type": "application/vnd.apache.arrow.stream",
      ...(brotli ? { "content-encoding": "br" } : {}),
    });
    if (response.status === 200) {
      await audit(dir, {
        event: "data_download",
        user: principal.name,
        role: principal.kind === "wall" ? "wall" : principal.role,
        table,
        scope,
        rows: entry.rows,
      });
    }
    return response;
  },
};
