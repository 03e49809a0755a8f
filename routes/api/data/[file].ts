/**
 * The store, as the browser receives it: `manifest.json`, the scope's tables as one DuckDB
 * database file (`scope.duckdb`, what the pages open) and as one Arrow IPC stream per
 * table, brotli-compressed (a large table's twin made on its first download), scoped by
 * who the request acts for (lib/access/scope.ts): the scope comes from the principal alone
 * (the access middleware refuses a request without one). Tables stream from disk within
 * the heavy-response cap, are never stored by a cache (they hold residents' data), and
 * every download is written to the audit trail. `?version=` asks for a store version the
 * server still keeps (lib/store/scoped.ts), as a page opened on it does; else `409`.
 */
import { PERSONAL_DATA } from "../../../framework/cache_control.ts";
import { fileResponse } from "../../../framework/file_response.ts";
import { heavyResponses } from "../../../framework/heavy.ts";
import type { Handlers, RenderContext } from "../../../framework/mod.ts";
import { acceptsBrotli, bytesResponse } from "../../../framework/static.ts";
import { auditFor } from "../../../lib/access/guard.ts";
import { principalOf } from "../../../lib/access/principal.ts";
import { scopeKeyOf } from "../../../lib/access/scope.ts";
import { browserDatabaseMaxBytes, dataDir } from "../../../lib/config.ts";
import { ensureBrotliTwin } from "../../../lib/store/brotli_twin.ts";
import { DATABASE_FILE } from "../../../lib/store/scope_database.ts";
import {
  requestedManifest,
  type ScopedManifest,
  scopedManifest,
  scopedTables,
  StoreChanged,
} from "../../../lib/store/scoped.ts";

/** A response that sent the file: not a revalidation (304), not a HEAD. */
const isDownload = (req: Request, response: Response) => response.status === 200 && req.method === "GET";

const notFound = (table: string) => Response.json({ error: `no table "${table}" in the store` }, { status: 404 });

/** The scope's database file, recorded in the audit trail with the tickets it holds. */
async function database(
  req: Request,
  state: Record<string, unknown>,
  path: string,
  etag: string,
  manifest: ScopedManifest,
) {
  const response = await heavyResponses().run(() =>
    fileResponse(req, path, { type: "application/octet-stream", etag, cacheControl: PERSONAL_DATA, brotliTwin: true })
  );
  if (!response) return notFound(DATABASE_FILE);
  const rows = manifest.database.tables.tickets ?? 0;
  if (isDownload(req, response)) {
    await auditFor(state, { event: "download", table: DATABASE_FILE, scope: manifest.scope, rows });
  }
  return response;
}

export const handler: Handlers = {
  async GET(req, ctx) {
    try {
      return await served(req, ctx);
    } catch (e) {
      // The version asked for is no longer served, or the store was replaced before the scope's build: a reload finds the new one.
      if (e instanceof StoreChanged) return Response.json({ error: e.message }, { status: 409 });
      throw e;
    }
  },
};

async function served(req: Request, ctx: RenderContext): Promise<Response> {
  const principal = principalOf(ctx.state);
  if (!principal) return Response.json({ error: "sign in first" }, { status: 401 });
  const dir = dataDir();
  // A page's engine asks for the version its manifest named: an import landing meanwhile must not hand it the next one.
  const asked = ctx.params.file === "manifest.json" ? null : new URL(req.url).searchParams.get("version");
  const stored = await requestedManifest(dir, asked);
  if (!stored) return Response.json({ error: "no store has been imported yet" }, { status: 503 });
  const scope = scopeKeyOf(principal);
  const { file } = ctx.params;
  const etag = `"${stored.version}-${scope}-${file}"`;
  if (file === "manifest.json" || file === DATABASE_FILE) {
    const manifest = await scopedManifest(dir, stored, scope);
    if (file === DATABASE_FILE) {
      return await database(req, ctx.state, `${dir}/${manifest.database.file}`, etag, manifest);
    }
    // Where the files lie is the server's business: the browser gets rows and sizes. What made the store
    // (import file names, who restored a version) is the admin's.
    const { source, ...shown } = manifest;
    const { bytes } = manifest.database;
    const inBrowser = bytes <= browserDatabaseMaxBytes();
    const body = new TextEncoder().encode(
      JSON.stringify({ ...shown, ...(scope === "full" && { source }), database: { bytes, inBrowser } }),
    );
    return bytesResponse(req, body, {
      "cache-control": PERSONAL_DATA,
      // The setting may change between two runs of the server on the same version.
      etag: `"${stored.version}-${scope}-${file}-${inBrowser}"`,
      "content-type": "application/json; charset=utf-8",
    });
  }
  const table = file.replace(/\.arrow$/, "");
  const tables = await scopedTables(dir, stored, scope);
  const entry = Object.hasOwn(tables, table) ? tables[table] : undefined;
  if (!file.endsWith(".arrow") || !entry) return notFound(table);
  const path = `${dir}/${entry.file}`;
  const response = await heavyResponses().run(async () =>
    fileResponse(req, path, {
      type: "application/vnd.apache.arrow.stream",
      etag,
      cacheControl: PERSONAL_DATA,
      // A large table of the store has its twin made on its first download.
      brotliTwin: !acceptsBrotli(req) || await ensureBrotliTwin(path),
    })
  );
  if (!response) return notFound(table);
  if (isDownload(req, response)) await auditFor(ctx.state, { event: "download", table, scope, rows: entry.rows });
  return response;
}
