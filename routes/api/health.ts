/**
 * Liveness and the store's version, so a wall can tell a restart or a new import. Every
 * open page asks, so the first to see a new version starts its builds for them all.
 */
import type { Handlers } from "../../framework/mod.ts";
import { dataDir } from "../../lib/config.ts";
import { prebuildVersion, versionPrepared } from "../../lib/store/prebuild.ts";
import { readManifest } from "../../lib/store/store.ts";

export const handler: Handlers = {
  async GET() {
    const dir = dataDir();
    const manifest = await readManifest(dir);
    prebuildVersion(dir, manifest).catch((e) => console.error("building the scopes' data failed:", e));
    return Response.json(
      {
        ok: manifest !== null,
        version: manifest?.version ?? null,
        created_at: manifest?.created_at ?? null,
        // Whether the version's builds are done: until then the first pages may wait on them.
        prepared: manifest !== null && versionPrepared(dir, manifest),
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
};
