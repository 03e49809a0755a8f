/**
 * `POST /api/admin/import/start` `{"upload", "kind", "mapping": {…}, "coords"?, "level"?}`:
 * starts the import of an upload in a worker and answers its job (`202`), or `409` while
 * another import (the page's or `deno task import`'s) or a restore runs. The import is audited when it ends, as the command's is.
 */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { auditFor } from "../../../../lib/access/guard.ts";
import { dataDir } from "../../../../lib/config.ts";
import { parseMapping } from "../../../../lib/import/mapping.ts";
import { runningJob, startImport } from "../../../../lib/store/import_jobs.ts";
import { busyText } from "../../../../lib/store/import_lock.ts";
import { uploadRequest } from "../../../../lib/store/import_requests.ts";

export const handler: Handlers = {
  async POST(req, ctx) {
    const asked = await uploadRequest(req, ctx.state);
    if ("error" in asked) return personalJson({ error: asked.error }, asked.status);
    const { body, kind, upload, settings } = asked;
    try {
      if (body.mapping !== undefined) parseMapping(body.mapping, kind);
    } catch (e) {
      return personalJson({ error: (e as Error).message }, 400);
    }
    const dir = dataDir();
    const started = await startImport(dir, upload, kind, { ...settings, mapping: body.mapping }, async (job) => {
      const h = job.history;
      const detail = h
        ? `${kind} ${upload.name}: ${h.line}; version ${h.after ?? "(none)"}`
        : `${kind} ${upload.name}: failed: ${job.error}`;
      await auditFor(ctx.state, { event: "import", path: "POST /api/admin/import/start", detail }, dir);
    });
    // The job to follow, when the import running is this server's.
    if ("busy" in started) return personalJson({ error: busyText(started.busy), job: runningJob()?.id }, 409);
    return personalJson({ job: started.job.id }, 202);
  },
};
