/**
 * Frozen review packs: `GET ?kind=quarter&period=2026-Q3` lists a period's packs, newest
 * first; `POST` with a review's data (at most `LINLI_MAX_PACK_BYTES`) freezes it beside
 * the store, residents' fields masked, and answers its summary.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { mayReadPacks, mayWritePacks, packsRefused } from "../../../lib/access/policy.ts";
import { principalOf } from "../../../lib/access/principal.ts";
import { dataDir, maxPackBytes } from "../../../lib/config.ts";
import { readAtMost } from "../../../lib/read_at_most.ts";
import { PackRefused, summarise } from "../../../lib/reviews/pack.ts";
import { listPacks, savePack } from "../../../lib/reviews/pack_store.ts";
import { inWorker } from "../../../lib/store/in_worker.ts";

export const handler: Handlers = {
  async GET(req, ctx) {
    if (!mayReadPacks(principalOf(ctx.state))) return packsRefused();
    const params = new URL(req.url).searchParams;
    const kind = params.get("kind"), period = params.get("period");
    if (!kind || !period) return Response.json({ error: "kind and period are required" }, { status: 400 });
    return Response.json(await listPacks(dataDir(), kind, period), { headers: { "cache-control": "no-store" } });
  },
  async POST(req, ctx) {
    if (!mayWritePacks(principalOf(ctx.state))) {
      return Response.json({ error: "only the district office (admin, leader) freezes review packs" }, { status: 403 });
    }
    const limit = maxPackBytes();
    const bytes = await readAtMost(req, limit);
    if (!bytes) return Response.json({ error: `a review pack is at most ${limit} bytes` }, { status: 413 });
    let body;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    try {
      const pack = await savePack(dataDir(), await inWorker("archivedReview", body));
      return Response.json(summarise(pack), { status: 201, headers: { "cache-control": "no-store" } });
    } catch (e) {
      // Anything else (a disk error naming a path) is the error page's, logged, not shown.
      if (e instanceof PackRefused) return Response.json({ error: e.message }, { status: 400 });
      throw e;
    }
  },
};
