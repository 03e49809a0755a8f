/**
 * Frozen review packs: `GET ?kind=quarter&period=2026-Q3` lists a period's packs, newest
 * first; `POST` with a review's data freezes it beside the store, residents' fields
 * masked, and answers its summary.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { requestPrincipal, unauthorised } from "../../../lib/access/unenforced.ts";
import { dataDir } from "../../../lib/config.ts";
import { summarise } from "../../../lib/reviews/pack.ts";
import { listPacks, savePack } from "../../../lib/reviews/pack_store.ts";
import { inWorker } from "../../../lib/store/in_worker.ts";

export const handler: Handlers = {
  async GET(req, ctx) {
    if (!requestPrincipal(ctx.state)) return unauthorised();
    const params = new URL(req.url).searchParams;
    const kind = params.get("kind"), period = params.get("period");
    if (!kind || !period) return Response.json({ error: "kind and period are required" }, { status: 400 });
    return Response.json(await listPacks(dataDir(), kind, period), { headers: { "cache-control": "no-store" } });
  },
  async POST(req, ctx) {
    if (!requestPrincipal(ctx.state)) return unauthorised();
    let body;
    try {
      body = await req.json();
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    try {
      return Response.json(summarise(await savePack(dataDir(), await inWorker("archivedReview", body))), {
        status: 201,
      });
    } catch (e) {
      return Response.json({ error: (e as Error).message }, { status: 400 });
    }
  },
};
