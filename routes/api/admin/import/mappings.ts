/**
 * `GET /api/admin/import/mappings?kind=tickets`: the saved mappings of a kind; `POST`
 * `{"kind", "name", "mapping"}` saves one by name (checked first), for next month's file. Audited.
 */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { auditFor } from "../../../../lib/access/guard.ts";
import { dataDir } from "../../../../lib/config.ts";
import { isMappingName, listMappings, saveMapping } from "../../../../lib/store/import_mappings.ts";
import { importKind, jsonBody } from "../../../../lib/store/import_requests.ts";

export const handler: Handlers = {
  async GET(req) {
    const kind = importKind(new URL(req.url).searchParams.get("kind"));
    if (!kind) return personalJson({ error: "kind must be places, buildings, tickets or callbacks" }, 400);
    return personalJson(await listMappings(dataDir(), kind));
  },
  async POST(req, ctx) {
    const body = await jsonBody(req);
    const kind = importKind(body?.kind);
    if (!body || !kind) return personalJson({ error: "the body must name a kind, a name and a mapping" }, 400);
    const name = String(body.name ?? "");
    if (!isMappingName(name)) {
      return personalJson({ error: "a mapping's name is 1–60 letters, digits, spaces, _ . or -" }, 400);
    }
    try {
      await saveMapping(dataDir(), kind, name, body.mapping);
    } catch (e) {
      return personalJson({ error: (e as Error).message }, 400);
    }
    await auditFor(ctx.state, { event: "mapping_save", detail: `${kind} ${name}` });
    return personalJson(await listMappings(dataDir(), kind), 201);
  },
};
