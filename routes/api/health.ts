/** Liveness and the store's version, so a wall can tell a restart or a new import. */
import type { Handlers } from "../../framework/mod.ts";
import { dataDir } from "../../lib/config.ts";
import { readManifest } from "../../lib/store/store.ts";

export const handler: Handlers = {
  async GET() {
    const manifest = await readManifest(dataDir());
    return Response.json(
      { ok: manifest !== null, version: manifest?.version ?? null, created_at: manifest?.created_at ?? null },
      { headers: { "cache-control": "no-store" } },
    );
  },
};
