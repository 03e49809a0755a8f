/**
 * The store as one scope may receive it (lib/access/scope.ts): the tables with ticket
 * rows filtered and masked with lib/privacy's SQL in DuckDB, written as Arrow streams
 * with brotli twins in `<store>/scopes/<version>/<scope-key>/`, once per store version
 * and scope, so a hundred street officials cost one build. A build writes into a
 * temporary folder renamed into place; requests for a scope being built wait for that
 * build. Tables without ticket rows are the store's own files.
 */
import type { Table as ArrowTable } from "apache-arrow";
import { type ScopeKey, scopeStreets, TICKET_TABLES } from "../access/scope.ts";
import { sqlList } from "../metrics/sql.ts";
import { maskedColumnsSql } from "../privacy/mask.ts";
import { STREET_SCORECARDS, streetScorecardsSql } from "../reviews/scorecard.ts";
import { PERSONAL_COLUMNS, type Table, table as schemaTable } from "../schema.ts";
import { openDenoDuckDB } from "../db/duckdb_deno.ts";
import { columnsToArrow, tableToStream } from "./arrow.ts";
import { openStoreDb } from "./open_store_db.ts";
import { arrowToColumns } from "./read_columns.ts";
import { type Manifest, readTableStream, type TableEntry, writeWithBrotli } from "./store.ts";

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
    built(dir, manifest, scope, (place) => buildTicketTables(dir, manifest, streets, place)),
    // The same for every street official: built once per version, not once per set of streets.
    streets ? built(dir, manifest, "scorecards", (place) => buildScorecards(dir, manifest, place)) : {},
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
  build: (place: (name: string) => [string, string]) => Promise<Record<string, TableEntry>>,
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
  build: (place: (name: string) => [string, string]) => Promise<Record<string, TableEntry>>,
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
    const tables = await build((name) => [`${dir}/${tmp}/${name}`, `${folder}/${name}`]);
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

/** Writes a DuckDB result as `t`'s Arrow stream with its brotli twin; returns its manifest entry. */
async function writeResult(t: Table, arrow: ArrowTable, [path, file]: [string, string]): Promise<TableEntry> {
  const bytes = tableToStream(columnsToArrow(t, arrowToColumns(t, arrow)));
  await writeWithBrotli(path, bytes);
  return { rows: arrow.numRows, bytes: bytes.length, file };
}

/**
 * The ticket tables of a masked scope: a street's filtered to its streets (callbacks too),
 * residents' fields masked. Tables of the masked roles without residents' fields stay the
 * store's own.
 */
async function buildTicketTables(
  dir: string,
  manifest: Manifest,
  streets: string[] | null,
  place: (name: string) => [string, string],
): Promise<Record<string, TableEntry>> {
  const names = streets ? TICKET_TABLES : TICKET_TABLES.filter((n) => PERSONAL_COLUMNS[n]);
  const db = await openDenoDuckDB();
  try {
    const entries: Record<string, TableEntry> = {};
    for (const n of names) await db.insertArrowStream(n, await readTableStream(dir, manifest, n));
    for (const n of names) {
      const sql = scopedTableSql(n, streets);
      entries[n] = await writeResult(schemaTable(n), await db.queryArrow(sql), place(`${n}.arrow`));
    }
    return entries;
  } finally {
    await db.close();
  }
}

/** Every street's figures, over the whole district. */
async function buildScorecards(
  dir: string,
  manifest: Manifest,
  place: (name: string) => [string, string],
): Promise<Record<string, TableEntry>> {
  const { db } = await openStoreDb(dir, manifest);
  try {
    const arrow = await db.queryArrow(storable(STREET_SCORECARDS, streetScorecardsSql()));
    return {
      [STREET_SCORECARDS.name]: await writeResult(STREET_SCORECARDS, arrow, place(`${STREET_SCORECARDS.name}.arrow`)),
    };
  } finally {
    await db.close();
  }
}

/**
 * A ticket table as a masked scope holds it: residents' fields masked and, for a street
 * official, its rows limited to `streets` (callbacks by their ticket's street).
 */
export function scopedTableSql(name: string, streets: string[] | null): string {
  const t = schemaTable(name);
  const columns = maskedColumnsSql(name, "t");
  const inStreets = streets && `street_id IN ${streets.length ? sqlList(streets) : "(NULL)"}`;
  const where = !inStreets
    ? ""
    : name === "tickets"
    ? `WHERE t.${inStreets}`
    : `WHERE t.ticket_id IN (SELECT ticket_id FROM tickets WHERE ${inStreets})`;
  return storable(t, `SELECT ${columns.join(", ")} FROM ${name} t ${where}`);
}

/** A query's rows with times as epoch ms, the shape columnsToArrow takes. */
function storable(t: Table, sql: string): string {
  const columns = t.columns.map((c) =>
    c.type === "TIMESTAMP" || c.type === "DATE" ? `epoch_ms(${c.name}::TIMESTAMP) AS ${c.name}` : c.name
  );
  return `SELECT ${columns.join(", ")} FROM (${sql})`;
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
