/**
 * What the first pages of a store version wait for, built before anyone asks: the masked
 * roles' scope (with the store's database it reads), the wall's figures for its default
 * playlist (an unattended screen has no one to press reload), every street's review
 * figures, which each street official's scope holds, the tickets' facts the server
 * answers the masked and the admin's first queries from, and last the scope of each street
 * official with an account, with its facts (20 s at 10M tickets, which the first page would
 * otherwise wait for). A scope nobody holds an account for is built on its first request.
 */
import { listAccounts } from "../access/accounts.ts";
import { type ScopeKey, scopeKeyOf } from "../access/scope.ts";
import { DEFAULT_WALL_CONFIG } from "../wall/config.ts";
import { servedWall } from "../wall/served.ts";
import { scopeFacts } from "./scope_facts.ts";
import { scopedManifest, scorecards } from "./scoped.ts";
import { type Manifest, readManifest } from "./store.ts";

/** The versions whose builds have been asked for, by store folder. */
const asked = new Set<string>();

/** Builds under way in this process. */
const running = new Set<Promise<void>>();

/** Starts a version's builds once, when a start or the first page's poll after an import sees it. */
export function prebuildVersion(dir: string, given?: Manifest | null): Promise<void> {
  const build = buildVersion(dir, given).finally(() => running.delete(build));
  running.add(build);
  return build;
}

/**
 * Resolves once every build started so far has ended, its own or a later version's. A test
 * waits for it before its end: native DuckDB must not be left writing into a test's store.
 */
export async function prebuildsSettled(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

async function buildVersion(dir: string, given?: Manifest | null): Promise<void> {
  const manifest = given === undefined ? await readManifest(dir) : given;
  if (!manifest || asked.has(`${dir}\0${manifest.version}`)) return;
  asked.add(`${dir}\0${manifest.version}`);
  // An import that lands meanwhile makes the rest of this version's builds pointless.
  const current = async () => (await readManifest(dir))?.version === manifest.version;
  try {
    await scopedManifest(dir, manifest, "masked");
    if (!(await current())) return;
    await servedWall(dir, manifest, DEFAULT_WALL_CONFIG);
    await scorecards(dir, manifest);
    for (const key of ["masked", "full", ...await streetScopes(dir)] satisfies ScopeKey[]) {
      if (!(await current())) return;
      const scope = await scopedManifest(dir, manifest, key);
      await scopeFacts(`${dir}/${scope.database.file}`, Object.keys(scope.tables));
    }
  } catch (e) {
    // The import removed the files this version's builds were reading: they stopped, not failed.
    if (await current()) throw e;
    return;
  }
  prepared.add(`${dir}\0${manifest.version}`);
}

/** The scopes of the street officials whose accounts are enabled, each once. */
async function streetScopes(dir: string): Promise<ScopeKey[]> {
  const accounts = (await listAccounts(dir)).filter((a) => a.role === "street" && !a.disabled);
  return [
    ...new Set(accounts.map((a) => scopeKeyOf({ kind: "user", name: a.name, role: a.role, streets: a.streets }))),
  ];
}

/** The versions whose builds are all done, by store folder. */
const prepared = new Set<string>();

/** Whether every build of the store's current version is done (a benchmark waits for this before timing). */
export function versionPrepared(dir: string, manifest: Manifest): boolean {
  return prepared.has(`${dir}\0${manifest.version}`);
}
