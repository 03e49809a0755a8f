/**
 * `POST /api/admin/import/upload?kind=tickets&file=NAME[&mapping=SAVED&coords=…&level=…]` with
 * the file's bytes as the body: streams the upload to the store's folder for its import
 * (lib/store/import_uploads.ts; `413` past `LINLI_MAX_IMPORT_BYTES`) and answers its id and
 * the preview (first rows, the field each column was matched to, by the saved mapping if
 * named), read in a worker.
 */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { dataDir, maxImportBytes } from "../../../../lib/config.ts";
import { failureText, runningJob } from "../../../../lib/store/import_jobs.ts";
import { readMapping } from "../../../../lib/store/import_mappings.ts";
import { actingName, importKind, importSettings } from "../../../../lib/store/import_requests.ts";
import { saveUpload } from "../../../../lib/store/import_uploads.ts";
import { inWorker } from "../../../../lib/store/in_worker.ts";

export const handler: Handlers = {
  async POST(req, ctx) {
    const params = new URL(req.url).searchParams;
    const kind = importKind(params.get("kind"));
    const name = params.get("file")?.split(/[/\\]/).pop() ?? "";
    if (!kind) return personalJson({ error: "kind must be places, buildings, tickets or callbacks" }, 400);
    if (!name) return personalJson({ error: "file must name the file uploaded" }, 400);
    const settings = importSettings(kind, Object.fromEntries(params));
    if (typeof settings === "string") return personalJson({ error: settings }, 400);
    const dir = dataDir();
    const saved = params.get("mapping");
    const mapping = saved ? await readMapping(dir, kind, saved).catch(() => undefined) : undefined;
    if (saved && mapping === undefined) {
      await req.body?.cancel();
      return personalJson({ error: `no saved mapping "${saved}" for ${kind}` }, 404);
    }
    const limit = maxImportBytes();
    const tooLarge = () => personalJson({ error: `a file to import is at most ${limit} bytes` }, 413);
    if (Number(req.headers.get("content-length") ?? 0) > limit) {
      await req.body?.cancel();
      return tooLarge();
    }
    const by = actingName(ctx.state);
    const upload = await saveUpload(dir, req.body, { name, by, limit, busy: runningJob()?.upload });
    if (!upload) return tooLarge();
    try {
      const preview = await inWorker("previewUpload", kind, name, upload.path, mapping, settings);
      return personalJson({ upload: upload.id, preview });
    } catch (e) {
      return personalJson({ error: failureText(e, dir) }, 422);
    }
  },
};
