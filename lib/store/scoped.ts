/**
 * The store as one scope may receive it (lib/access/scope.ts): the tables with ticket
 * rows filtered and masked with lib/privacy's SQL in DuckDB (lib/store/scope_build.ts,
 * run in a worker so the server answers meanwhile), written as Arrow streams with brotli
 * twins in `<store>/scopes/<version>/<scope-key>/`, once per store version and scope, so
 * a hundred street officials cost one build. A build writes into a temporary folder
 * renamed into place; requests for a scope being built wait for that build. Tables
 * without ticket rows are the store's own files.
 */
import { type ScopeKey, scopeStreets, TICKET_TABLES } from "../access/scope.ts";
import { inWorker } from "./in_worker.ts";
import type { Placement } from "./scope_build.ts";
import type { Manifest, TableEntry } from "./store.ts";

export interface ScopedManifest extends Manifest {
  scope: ScopeKey;
}

const SCOPES = "scopes";

/** Builds under way or done in this process, by store folder, version and folder. */
const builds = new Map<string, Promise<Record<string, TableEntry>>>();

/** The scope's manifest: its tables, each file relative to the store's folder. */
export async function scopedManifest(dir: string, manifest: Manifest, scope: ScopeKey): Promise<ScopedManifest> {
  if (scope === "full") return { ...manifest, scope };
  if (scope === "wall") {
    const tables = Object.fromEntries(Object.entries(manifest.tables).filter(([n]) => !TICKET_TABLES.includes(n)));
    return { ...manifest, scope, tables };
  }
  const streets = scopeStreets(scope);
  const [tickets, scorecards] = await Promise.all([
    built(dir, manifest, scope, (place) => inWorker("ticketTables", dir, manifest, streets, place)),
    // The same for every street official: built once per version, not once per set of streets.
    streets ? built(dir, manifest, "scorecards", (place) => inWorker("scorecards", dir, manifest, place)) : {},
  ]);
  return { ...manifest, scope, tables: { ...manifest.tables, ...tickets, ...scorecards } };
}

/**
 * The tables `build` writes into `<store>/scopes/<version>/<folder>/`, built once: read
 * from disk when a previous run built them, else built into a temporary folder renamed
 * into place, concurrent callers sharing the one build.
 */
function built(
  dir: string,
  manifest: Manifest,
  folder: string,
  build: (place: Placement) => Promise<Record<string, TableEntry>>,
): Promise<Record<string, TableEntry>> {
  const id = `${dir}\0${manifest.version}\0${folder}`;
  let tables = builds.get(id);
  if (!tables) {
    for (const key of builds.keys()) {
      if (key.startsWith(`${dir}\0`) && !key.startsWith(`${dir}\0${manifest.version}\0`)) builds.delete(key);
    }
    tables = readOrBuild(dir, `${SCOPES}/${manifest.version}/${folder}`, manifest.version, build);
    builds.set(id, tables);
    tables.catch(() => builds.delete(id));
  }
  return tables;
}

async function readOrBuild(
  dir: string,
  folder: string,
  version: string,
  build: (place: Placement) => Promise<Record<string, TableEntry>>,
): Promise<Record<string, TableEntry>> {
  const read = () =>
    Deno.readTextFile(`${dir}/${folder}/tables.json`).then((t) => JSON.parse(t) as Record<string, TableEntry>);
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  await removeOtherVersions(dir, version);
  const tmp = `${folder}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  await Deno.mkdir(`${dir}/${tmp}`, { recursive: true });
  try {
    // Entries name the files by their final folder; the rename makes them all real at once.
    const tables = await build({ path: `${dir}/${tmp}`, folder });
    await Deno.writeTextFile(`${dir}/${tmp}/tables.json`, JSON.stringify(tables, null, 2));
    await Deno.rename(`${dir}/${tmp}`, `${dir}/${folder}`).catch(async (e) => {
      // Another server process built the same folder first: its files are as good.
      if (!(await read().then(() => true, () => false))) throw e;
    });
    return await read();
  } finally {
    await Deno.remove(`${dir}/${tmp}`, { recursive: true }).catch(() => {});
  }
}

async function removeOtherVersions(dir: string, keep: string) {
  try {
    for await (const e of Deno.readDir(`${dir}/${SCOPES}`)) {
      if (e.isDirectory && e.name !== keep) await Deno.remove(`${dir}/${SCOPES}/${e.name}`, { recursive: true });
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
}
