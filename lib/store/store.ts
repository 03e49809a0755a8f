/**
 * The store on disk: one Arrow IPC stream per table inside a version folder, and a
 * `manifest.json` naming the current version. A write builds a new version folder
 * and then swaps the manifest with an atomic rename, so a crash or kill mid-import
 * leaves the previous store intact and readable, and a running server serves the
 * new version on its next request without a restart.
 */
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { type Columns, PERSONAL_COLUMNS, type Table, table as schemaTable, TABLES } from "../schema.ts";
import { columnsToArrow, rowCount, streamToTable, tableToStream } from "./arrow.ts";
import { calendarColumns } from "../calendar/calendar.ts";

/** What the server may send: everything, or the tables without personal columns. */
export type Scope = "full" | "public";

const compress = promisify(brotliCompress);

export interface TableEntry {
  rows: number;
  bytes: number;
  /** Per scope, the Arrow stream's file; each has a brotli twin (`.br`) beside it. */
  files: Record<Scope, string>;
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

export function tableFile(dir: string, manifest: Manifest, name: string, scope: Scope = "full"): string {
  const entry = manifest.tables[name];
  if (!entry) throw new Error(`the store in ${dir} has no table "${name}"`);
  return `${dir}/${entry.files[scope]}`;
}

export function readTableStream(dir: string, manifest: Manifest, name: string, scope: Scope = "full") {
  return Deno.readFile(tableFile(dir, manifest, name, scope));
}

/**
 * Writes a complete new version. Tables not given are carried over from the current
 * version unchanged, so an import of tickets leaves places as they were.
 */
export async function writeStore(
  dir: string,
  tables: Record<string, Columns>,
  source: string,
): Promise<Manifest> {
  await Deno.mkdir(dir, { recursive: true });
  const previous = await readManifest(dir);
  const version = `v${Date.now().toString(36)}${crypto.randomUUID().slice(0, 4)}`;
  await Deno.mkdir(`${dir}/${version}`);
  const entries: Record<string, TableEntry> = {};
  for (const t of TABLES) {
    // The calendar is written from lib/calendar on every write, so a new year's holidays reach every store.
    const given = t.name === "calendar" ? calendarColumns() : tables[t.name];
    const carried = !given && previous?.tables[t.name];
    entries[t.name] = carried
      ? await linkTable(dir, version, previous!.tables[t.name])
      : await writeTable(dir, version, t, given ?? {});
  }
  const created = tables.tickets?.created_at;
  const manifest: Manifest = {
    version,
    created_at: new Date().toISOString(),
    source,
    data_as_of: created ? newest(created) : previous?.data_as_of ?? null,
    tables: entries,
  };
  const tmp = `${dir}/manifest.${version}.tmp`;
  await Deno.writeTextFile(tmp, JSON.stringify(manifest, null, 2));
  await Deno.rename(tmp, `${dir}/manifest.json`);
  await removeOldVersions(dir, version);
  return manifest;
}

async function writeTable(dir: string, version: string, t: Table, columns: Columns): Promise<TableEntry> {
  const bytes = tableToStream(columnsToArrow(schemaTable(t.name), columns));
  const files = { full: `${version}/${t.name}.arrow`, public: `${version}/${t.name}.arrow` };
  // Compression runs off the main thread, so both scopes compress side by side.
  const writes = [writeWithBrotli(`${dir}/${files.full}`, bytes)];
  const personal = PERSONAL_COLUMNS[t.name];
  if (personal) {
    files.public = `${version}/${t.name}.public.arrow`;
    const kept = t.columns.map((c) => c.name).filter((c) => !personal.includes(c));
    writes.push(writeWithBrotli(`${dir}/${files.public}`, tableToStream(streamToTable(bytes).select(kept))));
  }
  await Promise.all(writes);
  return { rows: rowCount(columns), bytes: bytes.length, files };
}

/**
 * A table the write leaves as it was keeps its files: hard-linked into the new
 * version (they are never modified in place), so an import of callbacks does not
 * re-encode and re-compress a million tickets.
 */
async function linkTable(dir: string, version: string, entry: TableEntry): Promise<TableEntry> {
  const files = { ...entry.files };
  for (const scope of ["full", "public"] as const) {
    const target = `${version}/${entry.files[scope].split("/").pop()}`;
    if (scope === "public" && entry.files.public === entry.files.full) {
      files.public = files.full;
      continue;
    }
    for (const suffix of ["", ".br"]) {
      await Deno.link(`${dir}/${entry.files[scope]}${suffix}`, `${dir}/${target}${suffix}`)
        .catch(() => Deno.copyFile(`${dir}/${entry.files[scope]}${suffix}`, `${dir}/${target}${suffix}`));
    }
    files[scope] = target;
  }
  return { ...entry, files };
}

async function writeWithBrotli(path: string, bytes: Uint8Array) {
  await Deno.writeFile(path, bytes);
  // Quality 5 gives most of the gain of 11 at a small part of its time; for large tables
  // quality 3 runs 5× faster still (at 50 MB) for 15% more bytes.
  const quality = bytes.length > 16 * 2 ** 20 ? 3 : 5;
  await Deno.writeFile(`${path}.br`, await compress(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }));
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
