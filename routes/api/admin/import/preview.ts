/**
 * `POST /api/admin/import/preview` `{"upload", "kind", "mapping"?: NAME, "coords"?, "level"?}`:
 * the preview of an upload again, for another kind or with a saved mapping applied.
 */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { dataDir } from "../../../../lib/config.ts";
import { failureText } from "../../../../lib/store/import_jobs.ts";
import { readMapping } from "../../../../lib/store/import_mappings.ts";
import { uploadRequest } from "../../../../lib/store/import_requests.ts";
import { inWorker } from "../../../../lib/store/in_worker.ts";

export const handler: Handlers = {
  async POST(req, ctx) {
    const asked = await uploadRequest(req, ctx.state);
    if ("error" in asked) return personalJson({ error: asked.error }, asked.status);
    const { body, kind, upload, settings } = asked;
    try {
      const mapping = typeof body.mapping === "string" ? await readMapping(dataDir(), kind, body.mapping) : undefined;
      if (typeof body.mapping === "string" && mapping === undefined) {
        return personalJson({ error: `no saved mapping "${body.mapping}" for ${kind}` }, 404);
      }
      const preview = await inWorker("previewUpload", kind, upload.name, upload.path, mapping, settings);
      return personalJson({ upload: body.upload, preview });
    } catch (e) {
      return personalJson({ error: failureText(e, dataDir()) }, 422);
    }
  },
};
