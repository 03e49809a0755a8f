/**
 * The store on disk: one Arrow IPC stream per table inside a version folder, and a
 * `manifest.json` naming the current version. A write builds a new version folder
 * and then swaps the manifest with an atomic rename, so a crash or kill mid-import
 * leaves the previous store intact and readable, and a running server serves the
 * new version on its next request without a restart.
 */
import { type Columns, type Table, table as schemaTable, TABLES } from "../schema.ts";
import { columnsToArrow, rowCount, tableToStream } from "./arrow.ts";
import { calendarColumns } from "../calendar/calendar.ts";
import { TWIN_ON_DOWNLOAD_BYTES, writeWithBrotli } from "./brotli_twin.ts";
import { envNumber } from "../config.ts";

export interface TableEntry {
  rows: number;
  bytes: number;
  /**
   * The Arrow stream's file, relative to the store's folder, with a brotli twin (`.br`)
   * beside it, or made on its first download when large (lib/store/brotli_twin.ts).
   */
  file: string;
}

export interface Manifest {
  version: string;
  created_at: string;
  /** What made this store: `demo seed=… tickets=…` or the imports applied. */
  source: string;
  /** The newest ticket's `created_at` (epoch ms): "data as of", without reading the tickets. */
  data_as_of: number | null;
  tables: Record<string, TableEntry>;
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const manifest: Manifest = JSON.parse(await Deno.readTextFile(`${dir}/manifest.json`));
    // Without a prototype, a table named `constructor` or `toString` is simply not there.
    manifest.tables = Object.assign(Object.create(null), manifest.tables);
    return manifest;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw new Error(`${dir}/manifest.json cannot be read: ${(e as Error).message}`);
  }
}

export function tableFile(dir: string, manifest: Manifest, name: string): string {
  const entry = manifest.tables[name];
  if (!entry) throw new Error(`the store in ${dir} has no table "${name}"`);
  return `${dir}/${entry.file}`;
}

export function readTableStream(dir: string, manifest: Manifest, name: string) {
  return Deno.readFile(tableFile(dir, manifest, name));
}

/**
 * Writes a complete new version. Tables not given are carried over from the current
 * version unchanged, so an import of tickets leaves places as they were. Each table given
 * is taken out of `tables`, and its columns out of it as their Arrow vectors are built, so
 * that its values are let go before its stream and brotli twin are made.
 */
export async function writeStore(
  dir: string,
  tables: Record<string, Columns>,
  source: string,
): Promise<Manifest> {
  await Deno.mkdir(dir, { recursive: true });
  const previous = await readManifest(dir);
  const version = newVersionName();
  await Deno.mkdir(`${dir}/${version}`);
  const created = tables.tickets?.created_at;
  const dataAsOf = created ? newest(created) : previous?.data_as_of ?? null;
  const entries: Record<string, TableEntry> = {};
  for (const t of TABLES) {
    // The calendar is written from lib/calendar on every write, so a new year's holidays reach every store.
    if (t.name === "calendar") tables.calendar = calendarColumns();
    const carried = !tables[t.name] && previous?.tables[t.name];
    entries[t.name] = carried
      ? await linkTable(dir, version, previous!.tables[t.name])
      : await writeTable(dir, version, t, tables);
  }
  const manifest: Manifest = {
    version,
    created_at: new Date().toISOString(),
    source,
    data_as_of: dataAsOf,
    tables: entries,
  };
  return await swapManifest(dir, manifest);
}

function newVersionName(): string {
  return `v${Date.now().toString(36)}${crypto.randomUUID().slice(0, 4)}`;
}

/** When a version was made (epoch ms), from its name; NaN for a name not made here. */
export function versionMadeAt(version: string): number {
  return /^v[0-9a-z]{5,}$/.test(version) ? parseInt(version.slice(1, -4), 36) : NaN;
}

/**
 * How long a version replaced by an import is still served (its tiles, its answers), so that
 * a page opened on it keeps working until it notices the new version and reloads.
 */
export const versionGraceMs = () => envNumber("LINLI_VERSION_GRACE_MS", 10 * 60_000);

/** Makes `manifest` the store's version by an atomic rename, then removes the other version folders. */
async function swapManifest(dir: string, manifest: Manifest): Promise<Manifest> {
  const tmp = `${dir}/manifest.${manifest.version}.tmp`;
  await Deno.writeTextFile(tmp, JSON.stringify(manifest, null, 2));
  await Deno.rename(tmp, `${dir}/manifest.json`);
  await removeOldVersions(dir, manifest.version);
  return manifest;
}

/**
 * Writes a new version holding exactly the tables of `kept`, a manifest whose files lie
 * under `keptDir` (a version set aside, lib/store/previous_version.ts): hard links, so a
 * restore takes no longer than a rename and every version in between stays in the history.
 */
export async function writeStoreAs(dir: string, keptDir: string, kept: Manifest, source: string): Promise<Manifest> {
  const version = newVersionName();
  await Deno.mkdir(`${dir}/${version}`);
  const entries: Record<string, TableEntry> = {};
  for (const [name, entry] of Object.entries(kept.tables)) {
    entries[name] = await linkTable(keptDir, version, entry, dir);
  }
  const manifest = { ...kept, version, created_at: new Date().toISOString(), source, tables: entries };
  return await swapManifest(dir, manifest);
}

/** Writes the table `t` of `tables` (empty when not given), taking it and its columns out as its vectors are built. */
async function writeTable(
  dir: string,
  version: string,
  t: Table,
  tables: Record<string, Columns>,
): Promise<TableEntry> {
  const columns = tables[t.name] ?? {};
  const rows = rowCount(columns);
  delete tables[t.name];
  const arrow = columnsToArrow(schemaTable(t.name), columns, { consume: true });
  const file = `${version}/${t.name}.arrow`;
  const bytes = tableToStream(arrow);
  if (bytes.length > TWIN_ON_DOWNLOAD_BYTES) await Deno.writeFile(`${dir}/${file}`, bytes);
  else await writeWithBrotli(`${dir}/${file}`, bytes);
  return { rows, bytes: bytes.length, file };
}

/**
 * A table the write leaves as it was keeps its files: hard-linked into the new
 * version (they are never modified in place), so an import of callbacks does not
 * re-encode and re-compress a million tickets. `from` and `to` are store folders (the
 * same one, or a version set aside and the store).
 */
export async function linkTable(from: string, version: string, entry: TableEntry, to = from): Promise<TableEntry> {
  const file = `${version}/${entry.file.split("/").pop()}`;
  for (const suffix of ["", ".br"]) {
    const source = `${from}/${entry.file}${suffix}`;
    // A large table's twin is made on its first download: it may have none yet.
    if (suffix && !await Deno.stat(source).then(() => true, () => false)) continue;
    await Deno.link(source, `${to}/${file}${suffix}`).catch(() => Deno.copyFile(source, `${to}/${file}${suffix}`));
  }
  return { ...entry, file };
}

function newest(values: unknown[]): number | null {
  let max: number | null = null;
  for (const v of values) if (v != null && (max === null || (v as number) > max)) max = v as number;
  return max;
}

async function removeOldVersions(dir: string, keep: string) {
  for await (const e of Deno.readDir(dir)) {
    if (e.isDirectory && /^v[0-9a-z-]+$/.test(e.name) && e.name !== keep) {
      await Deno.remove(`${dir}/${e.name}`, { recursive: true }).catch(() => {});
    }
  }
}
