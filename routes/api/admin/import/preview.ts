/**
 * `POST /api/admin/import/preview` `{"upload", "kind", "mapping"?: NAME, "coords"?, "level"?}`:
 * the preview of an upload again, for another kind or with a saved mapping applied.
 */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { dataDir } from "../../../../lib/config.ts";
import { failureText, uploadOf } from "../../../../lib/store/import_jobs.ts";
import { readMapping } from "../../../../lib/store/import_mappings.ts";
import { actingName, importKind, importSettings, jsonBody } from "../../../../lib/store/import_requests.ts";
import { inWorker } from "../../../../lib/store/in_worker.ts";

export const handler: Handlers = {
  async POST(req, ctx) {
    const body = await jsonBody(req);
    if (!body) return personalJson({ error: "the body must be a JSON object" }, 400);
    const kind = importKind(body.kind);
    if (!kind) return personalJson({ error: "kind must be places, buildings, tickets or callbacks" }, 400);
    const upload = uploadOf(String(body.upload), actingName(ctx.state));
    if (!upload) return personalJson({ error: "the upload has expired: choose the file again" }, 410);
    const settings = importSettings(kind, body);
    if (typeof settings === "string") return personalJson({ error: settings }, 400);
    try {
      const mapping = typeof body.mapping === "string" ? await readMapping(dataDir(), kind, body.mapping) : undefined;
      if (typeof body.mapping === "string" && mapping === undefined) {
        return personalJson({ error: `no saved mapping "${body.mapping}" for ${kind}` }, 404);
      }
      const preview = await inWorker("previewImport", kind, upload.name, upload.bytes, mapping, settings);
      return personalJson({ upload: body.upload, preview });
    } catch (e) {
      return personalJson({ error: failureText(e) }, 422);
    }
  },
};
