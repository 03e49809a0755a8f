/** One frozen review pack, exactly as saved. */
import type { Handlers } from "../../../../framework/mod.ts";
import { requestPrincipal, unauthorised } from "../../../../lib/access/unenforced.ts";
import { dataDir } from "../../../../lib/config.ts";
import { readPack } from "../../../../lib/reviews/pack_store.ts";

export const handler: Handlers = {
  async GET(_req, ctx) {
    if (!requestPrincipal(ctx.state)) return unauthorised();
    const pack = await readPack(dataDir(), ctx.params.id);
    if (!pack) return Response.json({ error: `no frozen review ${ctx.params.id}` }, { status: 404 });
    // A pack never changes once written.
    return Response.json(pack, { headers: { "cache-control": "private, max-age=31536000, immutable" } });
  },
};
