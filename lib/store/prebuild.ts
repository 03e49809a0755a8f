/**
 * What the first pages of a store version wait for, built before anyone asks: the masked
 * roles' scope (with the store's database it reads), the wall's figures for its default
 * playlist (an unattended screen has no one to press reload), every street's review
 * figures, which each street official's scope holds, and the tickets' facts the server
 * answers the masked and the admin's first queries from. A street official's own scope, a
 * few seconds from the store's database, is built on its first request, its facts after.
 */
import { DEFAULT_WALL_CONFIG } from "../wall/config.ts";
import { servedWall } from "../wall/served.ts";
import { scopeFacts } from "./scope_facts.ts";
import { scopedManifest, scorecards } from "./scoped.ts";
import { type Manifest, readManifest } from "./store.ts";

/** The versions whose builds have been asked for, by store folder. */
const asked = new Set<string>();

/** Starts a version's builds once, when a start or the first page's poll after an import sees it. */
export async function prebuildVersion(dir: string, given?: Manifest | null): Promise<void> {
  const manifest = given === undefined ? await readManifest(dir) : given;
  if (!manifest || asked.has(`${dir}\0${manifest.version}`)) return;
  asked.add(`${dir}\0${manifest.version}`);
  const masked = await scopedManifest(dir, manifest, "masked");
  await servedWall(dir, manifest, DEFAULT_WALL_CONFIG);
  await scorecards(dir, manifest);
  for (const scope of [masked, await scopedManifest(dir, manifest, "full")]) {
    await scopeFacts(`${dir}/${scope.database.file}`, Object.keys(scope.tables));
  }
  prepared.add(`${dir}\0${manifest.version}`);
}

/** The versions whose builds are all done, by store folder. */
const prepared = new Set<string>();

/** Whether every build of the store's current version is done (a benchmark waits for this before timing). */
export function versionPrepared(dir: string, manifest: Manifest): boolean {
  return prepared.has(`${dir}\0${manifest.version}`);
}
