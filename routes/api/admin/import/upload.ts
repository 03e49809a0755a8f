/**
 * `POST /api/admin/import/upload?kind=tickets&file=NAME[&mapping=SAVED&coords=…&level=…]` with
 * the file's bytes as the body: keeps the upload for its import and answers its id and the
 * preview (first rows, the field each column was matched to, by the saved mapping if named),
 * read in a worker.
 */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { dataDir, maxImportBytes } from "../../../../lib/config.ts";
import { readAtMost } from "../../../../lib/read_at_most.ts";
import { failureText, keepUpload } from "../../../../lib/store/import_jobs.ts";
import { readMapping } from "../../../../lib/store/import_mappings.ts";
import { actingName, importKind, importSettings } from "../../../../lib/store/import_requests.ts";
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
    const limit = maxImportBytes();
    const bytes = await readAtMost(req, limit);
    if (!bytes) return personalJson({ error: `a file to import is at most ${limit} bytes` }, 413);
    const saved = params.get("mapping");
    const mapping = saved ? await readMapping(dataDir(), kind, saved).catch(() => undefined) : undefined;
    if (saved && mapping === undefined) return personalJson({ error: `no saved mapping "${saved}" for ${kind}` }, 404);
    const upload = keepUpload({ name, bytes, by: actingName(ctx.state) });
    try {
      const preview = await inWorker("previewImport", kind, name, bytes, mapping, settings);
      return personalJson({ upload, preview });
    } catch (e) {
      return personalJson({ error: failureText(e) }, 422);
    }
  },
};
