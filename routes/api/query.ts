/**
 * A page's SQL answered by the server on the scope's database (lib/store/scope_answers.ts),
 * the scope from who is signed in, never from the request: the rows a page's own engine
 * would give on the same file, while that engine is still starting. `POST {"sql": "…"}`
 * answers `{"columns": {"name": […], …}, "types": {"name": "VARCHAR", …}}`; SQL that is
 * not one SELECT, or whose answer is beyond the limits, answers 400 and the page asks its
 * own engine instead. A long answer is a
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
import { scopedManifest } from "../../lib/store/scoped.ts";
import { readManifest } from "../../lib/store/store.ts";

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
    const body = await req.json().catch(() => null) as { sql?: unknown } | null;
    if (typeof body?.sql !== "string") return refused('the body is {"sql": "SELECT …"}');
    const dir = dataDir();
    const stored = await readManifest(dir);
    if (!stored) return refused("no store has been imported yet", 503);
    const scope = scopeKeyOf(principal);
    const manifest = await scopedManifest(dir, stored, scope);
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
