/** One frozen review pack, exactly as saved, streamed from disk within the heavy-response cap; its reading audited. */
import { REVALIDATE } from "../../../../framework/cache_control.ts";
import { fileResponse } from "../../../../framework/file_response.ts";
import { heavyResponses } from "../../../../framework/heavy.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { auditFor } from "../../../../lib/access/guard.ts";
import { mayReadPacks, packsRefused } from "../../../../lib/access/policy.ts";
import { principalOf } from "../../../../lib/access/principal.ts";
import { dataDir } from "../../../../lib/config.ts";
import { packFile } from "../../../../lib/reviews/pack_store.ts";

const notFound = () => Response.json({ error: "no such frozen review" }, { status: 404 });

export const handler: Handlers = {
  async GET(req, ctx) {
    if (!mayReadPacks(principalOf(ctx.state))) return packsRefused();
    const path = await packFile(dataDir(), ctx.params.id);
    if (!path) return notFound();
    const res = await heavyResponses().run(() =>
      // A pack never changes once written, but may be removed: revalidated, not immutable.
      fileResponse(req, path, {
        type: "application/json; charset=utf-8",
        etag: `"${ctx.params.id}"`,
        cacheControl: REVALIDATE,
      })
    );
    if (!res) return notFound();
    // A pack holds residents' fields (masked): its reading is a download like a table's.
    if (res.status === 200) {
      await auditFor(ctx.state, { event: "download", table: "review_pack", scope: ctx.params.id });
    }
    return res;
  },
};
