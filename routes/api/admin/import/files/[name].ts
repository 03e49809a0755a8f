/**
 * `GET /api/admin/import/files/NAME`: one of the lists an import wrote beside the store
 * (rejected rows, notes, unassigned tickets, overlaps), named in the import history and
 * nothing else. They hold residents' fields as the source had them: never cached, audited.
 */
import { PERSONAL_DATA, personalJson } from "../../../../../framework/cache_control.ts";
import { fileResponse } from "../../../../../framework/file_response.ts";
import type { Handlers } from "../../../../../framework/mod.ts";
import { auditFor } from "../../../../../lib/access/guard.ts";
import { dataDir } from "../../../../../lib/config.ts";
import { historyFileList } from "../../../../../lib/store/import_state.ts";
import { rejectsFolder } from "../../../../../lib/store/retention.ts";

export const handler: Handlers = {
  async GET(req, ctx) {
    const dir = dataDir();
    const name = ctx.params.name;
    const list = await historyFileList(dir, name);
    const res = list &&
      await fileResponse(req, `${rejectsFolder(dir)}/${name}`, {
        type: name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8",
        etag: `"${encodeURIComponent(name)}"`,
        cacheControl: PERSONAL_DATA,
      });
    if (!res) return personalJson({ error: "no such file (lists are removed after the retention period)" }, 404);
    res.headers.set("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    if (res.status === 200) await auditFor(ctx.state, { event: "download", table: `import ${list}`, scope: name });
    return res;
  },
};
