/**
 * The store as one scope may receive it (lib/access/scope.ts): one DuckDB database file
 * per scope and store version (lib/store/scope_database.ts), the pages' way in, and the
 * scope's tables as Arrow streams for the Arrow route. The admin's database is the store's
 * own, converted from its Arrow streams once per version; every other build reads that
 * one (lib/store/scope_build.ts, in a worker so the server answers meanwhile), masking
 * and filtering with lib/privacy's SQL, so a hundred street officials cost a conversion
 * and a small build each. Builds land in `<store>/scopes/<version>/`, each written into a
 * temporary folder renamed into place; requests for a scope being built wait for it.
 * Only the store's current version is built. A version replaced by an import keeps what
 * was built of it, and its manifest beside, for the grace period (`versionGraceMs`): a
 * page opened on it is answered on it until it reloads onto the new one.
 */
import { type ScopeKey, scopeStreets, servedAsStored } from "../access/scope.ts";
import { parsePeriod } from "../reviews/period.ts";
import { inBuildTurn, inBuildWorker } from "./in_worker.ts";
import type { DatabasePlan, Placement } from "./scope_build.ts";
import { type ScopeDatabase, STORAGE_VERSION } from "./scope_database.ts";
import { scorecardTablesSql, ticketTablesSql } from "./scope_sql.ts";
import { type Manifest, readManifest, type TableEntry, versionGraceMs, versionMadeAt } from "./store.ts";

export interface ScopedManifest extends Omit<Manifest, "tables"> {
  scope: ScopeKey;
  /** The tables the scope holds, with their rows (in the database, and as Arrow through `scopedTables`). */
  tables: Record<string, { rows: number }>;
  /** The scope's tables as one database file, the pages' way in. */
  database: ScopeDatabase;
}

const SCOPES = "scopes";
/** Part of every build's recipe: a folder written in an older layout (`tables.json`) is never read as this one. */
const BUILD_FORMAT = "built.json";

/** A version neither current nor kept was asked for: nothing of it is built any more. */
export class StoreChanged extends Error {
  constructor(readonly version: string) {
    super(`the store has changed since version ${version}: reload the page`);
  }
}

/** Builds under way or done in this process, by store folder, version and folder. */
const builds = new Map<string, Promise<unknown>>();

/** The scope's manifest: its database file, built from the store on the first request of the version. */
export async function scopedManifest(dir: string, manifest: Manifest, scope: ScopeKey): Promise<ScopedManifest> {
  const database = scope === "full" ? await storeDatabase(dir, manifest) : await scopeDatabase(dir, manifest, scope);
  const tables = Object.fromEntries(Object.entries(database.tables).map(([n, rows]) => [n, { rows }]));
  return { ...manifest, scope, tables, database };
}

/**
 * The admin's scope, every table as stored: converted from the store's Arrow streams once
 * per version, the database every other scope's build reads from.
 */
function storeDatabase(dir: string, manifest: Manifest): Promise<ScopeDatabase> {
  const plan: DatabasePlan = { stored: Object.keys(manifest.tables), derived: {}, extra: {} };
  return built(
    dir,
    manifest,
    "full.db",
    JSON.stringify({ STORAGE_VERSION, plan }),
    (place) => inBuildWorker("database", dir, manifest, null, plan, place),
  );
}

/** The store's database as a path, for the builds that read it. */
export async function storeDatabasePath(dir: string, manifest: Manifest): Promise<string> {
  return `${dir}/${(await storeDatabase(dir, manifest)).file}`;
}

async function scopeDatabase(dir: string, manifest: Manifest, scope: Exclude<ScopeKey, "full">) {
  const streets = scopeStreets(scope);
  const held = Object.keys(manifest.tables).filter((n) => servedAsStored(n, scope));
  const derived = scope === "wall" ? {} : ticketTablesSql(streets);
  const [source, extra] = await Promise.all([
    storeDatabasePath(dir, manifest),
    scope === "wall" ? {} : scorecards(dir, manifest),
  ]);
  const plan: DatabasePlan = { stored: held.filter((n) => !(n in derived)), derived, extra };
  return await built(
    dir,
    manifest,
    `${scope}.db`,
    JSON.stringify({ STORAGE_VERSION, plan }),
    (place) => inBuildWorker("database", dir, manifest, source, plan, place),
  );
}

/** The scope's tables as Arrow streams (the Arrow route), built on the first request for them. */
export async function scopedTables(
  dir: string,
  manifest: Manifest,
  scope: ScopeKey,
): Promise<Record<string, TableEntry>> {
  if (scope === "full") return manifest.tables;
  const asStored = Object.fromEntries(Object.entries(manifest.tables).filter(([n]) => servedAsStored(n, scope)));
  if (scope === "wall") return asStored;
  const streets = scopeStreets(scope);
  const tickets = JSON.stringify(ticketTablesSql(streets));
  const source = await storeDatabasePath(dir, manifest);
  const [ticketTables, scorecardTables] = await Promise.all([
    built(dir, manifest, scope, tickets, (place) => inBuildWorker("ticketTables", source, streets, place)),
    scorecards(dir, manifest),
  ]);
  return { ...asStored, ...ticketTables, ...scorecardTables };
}

/**
 * Every street's review figures, for every street official and the masked roles: built
 * once per version, not once per set of streets. A leader's quarterly review reads them
 * instead of computing five quarters and twelve months of scorecards in the browser.
 */
export async function scorecards(dir: string, manifest: Manifest): Promise<Record<string, TableEntry>> {
  // A sample round stands for the rounds, which the data decides.
  const recipe = JSON.stringify(scorecardTablesSql([parsePeriod("month", "2000-01")!]));
  const source = await storeDatabasePath(dir, manifest);
  return await built(dir, manifest, "scorecards", recipe, (place) => inBuildWorker("scorecards", source, place));
}

/**
 * What `build` writes into `<store>/scopes/<version>/<name>.<recipe hash>/` (and describes
 * by its answer), built once: read from disk when a previous run built it with the same
 * recipe, else built into a temporary folder renamed into place, concurrent callers sharing
 * the one build.
 */
async function built<T>(
  dir: string,
  manifest: Manifest,
  name: string,
  recipe: string,
  build: (place: Placement) => Promise<T>,
): Promise<T> {
  const text = `${BUILD_FORMAT}\0${recipe}`;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  const folder = `${name}.${[...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  const id = `${dir}\0${manifest.version}\0${folder}`;
  let tables = builds.get(id) as Promise<T> | undefined;
  if (!tables) {
    for (const key of builds.keys()) {
      if (key.startsWith(`${dir}\0`) && !key.startsWith(`${dir}\0${manifest.version}\0`)) builds.delete(key);
    }
    tables = readOrBuild(dir, `${SCOPES}/${manifest.version}/${folder}`, manifest, build);
    builds.set(id, tables);
    tables.catch(() => builds.delete(id));
  }
  return tables;
}

async function readOrBuild<T>(
  dir: string,
  folder: string,
  manifest: Manifest,
  build: (place: Placement) => Promise<T>,
): Promise<T> {
  const read = () => Deno.readTextFile(`${dir}/${folder}/built.json`).then((t) => JSON.parse(t) as T);
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  // A replaced version's files are gone from the store: building it would fail, or remove the new one's.
  if ((await readManifest(dir))?.version !== manifest.version) throw new StoreChanged(manifest.version);
  await inBuildTurn(() => removeOtherVersions(dir, manifest.version));
  await keepManifest(dir, manifest);
  const tmp = `${folder}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  await Deno.mkdir(`${dir}/${tmp}`, { recursive: true });
  try {
    // Entries name the files by their final folder; the rename makes them all real at once.
    const tables = await build({ path: `${dir}/${tmp}`, folder });
    await Deno.writeTextFile(`${dir}/${tmp}/built.json`, JSON.stringify(tables, null, 2));
    await Deno.rename(`${dir}/${tmp}`, `${dir}/${folder}`).catch(async (e) => {
      // Another server process built the same folder first: its files are as good.
      if (!(await read().then(() => true, () => false))) throw e;
    });
    return await read();
  } finally {
    await Deno.remove(`${dir}/${tmp}`, { recursive: true }).catch(() => {});
  }
}

const keptManifestPath = (dir: string, version: string) => `${dir}/${SCOPES}/${version}/manifest.json`;

async function keepManifest(dir: string, manifest: Manifest) {
  const path = keptManifestPath(dir, manifest.version);
  if (await Deno.stat(path).then(() => true, () => false)) return;
  const tmp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  await Deno.mkdir(`${dir}/${SCOPES}/${manifest.version}`, { recursive: true });
  await Deno.writeTextFile(tmp, JSON.stringify(manifest));
  await Deno.rename(tmp, path);
}

/**
 * When each version of `versions` other than the newest was replaced: when its successor
 * among them was made (a version never built is not among them, which only lengthens the
 * grace of the one before it).
 */
function replacedAt(versions: string[]): Map<string, number> {
  const made = versions.map((v) => [v, versionMadeAt(v)] as const).sort((a, b) => a[1] - b[1]);
  return new Map(made.slice(0, -1).map(([v], i) => [v, made[i + 1][1]]));
}

async function builtVersions(dir: string): Promise<string[]> {
  const versions = [];
  try {
    for await (const e of Deno.readDir(`${dir}/${SCOPES}`)) if (e.isDirectory) versions.push(e.name);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return versions;
}

const inGrace = (replaced: number | undefined, now = Date.now()) =>
  replaced !== undefined && replaced + versionGraceMs() > now;

/** Removes the built folders of versions other than `keep`, but those replaced less than the grace period ago. */
async function removeOtherVersions(dir: string, keep: string) {
  const versions = await builtVersions(dir);
  const replaced = replacedAt([...new Set([...versions, keep])]);
  for (const version of versions) {
    if (version !== keep && !inGrace(replaced.get(version))) {
      await Deno.remove(`${dir}/${SCOPES}/${version}`, { recursive: true });
    }
  }
}

/**
 * The manifest of `version` when it is the store's current one or was replaced less than
 * the grace period ago and was built (a page was opened on it); else null.
 */
export async function servedManifest(dir: string, version: string): Promise<Manifest | null> {
  const current = await readManifest(dir);
  if (!current || current.version === version) return current;
  const replaced = replacedAt([...new Set([...await builtVersions(dir), current.version])]);
  if (!inGrace(replaced.get(version))) return null;
  return await Deno.readTextFile(keptManifestPath(dir, version)).then(JSON.parse, () => null);
}

/**
 * The manifest a request is answered on: that of the version it names while it is served
 * (`servedManifest`), else `StoreChanged`; the store's current one (null: none yet) when it names none.
 */
export async function requestedManifest(dir: string, version: string | null): Promise<Manifest | null> {
  if (version === null) return await readManifest(dir);
  const served = await servedManifest(dir, version);
  if (!served) throw new StoreChanged(version);
  return served;
}
