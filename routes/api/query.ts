/**
 * A page's SQL answered by the server on the scope's database (lib/store/scope_answers.ts),
 * the scope from who is signed in, never from the request: the rows a page's own engine
 * would give on the same file, while that engine is still starting. `POST {"sql": "…"}`
 * answers `{"columns": {"name": […], …}, "types": {"name": "VARCHAR", …}}`; SQL that is
 * not one SELECT, or whose answer is beyond the limits, answers 400 and the page asks its
 * own engine instead. The page says which store version it shows (`"version"`): it is
 * answered on that one while the server keeps it (lib/store/scoped.ts), else `409`, so a
 * page opened before an import never mixes the two versions' figures. A long answer is a
 * download and is written to the audit trail, as every answer in the admin's scope is
 * (it holds residents' fields unmasked), whether it was computed or kept from an earlier request.
 */
import type { Handlers } from "../../framework/mod.ts";
import { auditFor } from "../../lib/access/guard.ts";
import { principalOf } from "../../lib/access/principal.ts";
import { scopeKeyOf } from "../../lib/access/scope.ts";
import { dataDir } from "../../lib/config.ts";
import { RefusedQuery } from "../../lib/db/duckdb_native.ts";
import { type SentAnswer, sentAnswer } from "../../lib/store/scope_answers.ts";
import { requestedManifest, scopedManifest, StoreChanged } from "../../lib/store/scoped.ts";

/** From this many rows an answer is a list rather than a figure, and is audited as a download. */
export const AUDITED_ROWS = 1000;

function sent(req: Request, answer: SentAnswer): Response {
  const headers = { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-store" };
  const gzip = answer.gzip && /\bgzip\b/.test(req.headers.get("accept-encoding") ?? "") ? answer.gzip : null;
  const body = (gzip ?? answer.json) as Uint8Array<ArrayBuffer>;
  return new Response(body, {
    headers: gzip ? { ...headers, "content-encoding": "gzip", vary: "accept-encoding" } : headers,
  });
}

const refused = (message: string, status = 400) =>
  Response.json({ error: message }, { status, headers: { "cache-control": "private, no-store" } });

export const handler: Handlers = {
  async POST(req, ctx) {
    const principal = principalOf(ctx.state);
    if (!principal) return refused("sign in first", 401);
    const body = await req.json().catch(() => null) as { sql?: unknown; version?: unknown } | null;
    if (typeof body?.sql !== "string") return refused('the body is {"sql": "SELECT …", "version": "…"}');
    const asked = typeof body.version === "string" ? body.version : null;
    const dir = dataDir();
    const scope = scopeKeyOf(principal);
    let manifest;
    try {
      const stored = await requestedManifest(dir, asked);
      if (!stored) return refused("no store has been imported yet", 503);
      manifest = await scopedManifest(dir, stored, scope);
    } catch (e) {
      if (e instanceof StoreChanged) return refused(e.message, 409);
      throw e;
    }
    let answer;
    try {
      answer = await sentAnswer(
        `${dir}/${manifest.database.file}`,
        Object.keys(manifest.tables),
        body.sql,
        req.signal,
      );
    } catch (e) {
      return refused(e instanceof RefusedQuery ? e.message : (e as Error).message.split("\n")[0]);
    }
    const { rows } = answer;
    if (scope === "full" || rows >= AUDITED_ROWS) {
      await auditFor(ctx.state, { event: "query", table: "query", scope, rows });
    }
    return sent(req, answer);
  },
};
