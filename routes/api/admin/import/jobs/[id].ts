/** `GET /api/admin/import/jobs/ID`: an import's or restore's phase, and once it ends its summary and notes. */
import { personalJson } from "../../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../../framework/mod.ts";
import { jobOf } from "../../../../../lib/store/import_jobs.ts";

export const handler: Handlers = {
  GET(_req, ctx) {
    const job = jobOf(ctx.params.id);
    return job ? personalJson(job) : personalJson({ error: "no such import" }, 404);
  },
};
