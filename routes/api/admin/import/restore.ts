/**
 * `POST /api/admin/import/restore`: brings back the store version before the latest import
 * or restore as a new version (`202` with its job), `409` while an import runs. Audited.
 */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { auditFor } from "../../../../lib/access/guard.ts";
import { dataDir } from "../../../../lib/config.ts";
import { startRestore } from "../../../../lib/store/import_jobs.ts";
import { busyText } from "../../../../lib/store/import_lock.ts";
import { actingName } from "../../../../lib/store/import_requests.ts";

export const handler: Handlers = {
  async POST(_req, ctx) {
    const dir = dataDir();
    const started = await startRestore(dir, actingName(ctx.state), async (job) => {
      const h = job.history;
      const detail = h ? `version ${h.before} → ${h.after}` : `failed: ${job.error}`;
      await auditFor(ctx.state, { event: "restore", path: "POST /api/admin/import/restore", detail }, dir);
    });
    if ("busy" in started) return personalJson({ error: busyText(started.busy) }, 409);
    return personalJson({ job: started.job.id }, 202);
  },
};
