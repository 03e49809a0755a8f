/**
 * The DuckDB work of building a scope's tables (lib/store/scoped.ts): ticket tables
 * filtered to a street official's streets and masked with lib/privacy's SQL, and every
 * street's scorecards over the whole district. Runs in a worker (lib/store/in_worker.ts),
 * on native DuckDB bounded by `LINLI_BUILD_MEMORY_MB` and one thread, so a build costs
 * the server a bounded amount of memory and leaves the other core to the requests.
 */
import { TICKET_TABLES } from "../access/scope.ts";
import { buildMemoryMb } from "../config.ts";
import { type NativeConnector, openNativeDuckDB } from "../db/duckdb_native.ts";
import { ROUNDS_SQL } from "../reviews/callback_round.ts";
import { parsePeriod } from "../reviews/period.ts";
import { type Table, table as schemaTable } from "../schema.ts";
import { loadTables, openStoreDb } from "./open_store_db.ts";
import { DATABASE_FILE, type ScopeDatabase, STORAGE_VERSION } from "./scope_database.ts";
import { scorecardTablesSql, ticketTablesSql } from "./scope_sql.ts";
import { type Manifest, type TableEntry, writeWithBrotli } from "./store.ts";

/** Where a build writes its files (`path`, a temporary folder) and the folder its manifest entries name. */
export interface Placement {
  path: string;
  folder: string;
}

/**
 * Runs `build` on a native DuckDB whose spill files go to a folder of the build's own,
 * removed before the build's folder is renamed into place.
 */
async function withBuildDb<T>(place: Placement, build: (db: NativeConnector) => Promise<T>): Promise<T> {
  const tempDir = `${place.path}/.work`;
  await Deno.mkdir(tempDir, { recursive: true });
  const db = await openNativeDuckDB({ memoryLimit: `${buildMemoryMb()}MB`, threads: 1, tempDir });
  try {
    return await build(db);
  } finally {
    await db.close();
    await Deno.remove(tempDir, { recursive: true });
  }
}

/** Writes a query's result as `t`'s Arrow stream with its brotli twin; returns its manifest entry. */
async function writeResult(db: NativeConnector, t: Table, sql: string, place: Placement): Promise<TableEntry> {
  const { bytes, rows } = await db.queryArrowStream(sql);
  await writeWithBrotli(`${place.path}/${t.name}.arrow`, bytes);
  return { rows, bytes: bytes.length, file: `${place.folder}/${t.name}.arrow` };
}

/**
 * The ticket tables of a masked scope: a street's filtered to its streets (callbacks too),
 * residents' fields masked. Tables of the masked roles without residents' fields stay the
 * store's own.
 */
export async function buildTicketTables(
  dir: string,
  manifest: Manifest,
  streets: string[] | null,
  place: Placement,
): Promise<Record<string, TableEntry>> {
  const tables = ticketTablesSql(streets);
  return await withBuildDb(place, async (db) => {
    const entries: Record<string, TableEntry> = {};
    await loadTables(db, dir, manifest, Object.keys(tables));
    for (const [n, sql] of Object.entries(tables)) entries[n] = await writeResult(db, schemaTable(n), sql, place);
    return entries;
  });
}

/** Every street's review figures (scorecards and callback rounds), over the whole district. */
export async function buildScorecards(
  dir: string,
  manifest: Manifest,
  place: Placement,
): Promise<Record<string, TableEntry>> {
  return await withBuildDb(place, async (native) => {
    const { db } = await openStoreDb(dir, manifest, () => Promise.resolve(native));
    // Dozens of periods each read the view: computed once into a table of the same name instead.
    await db.query("CREATE TABLE facts AS SELECT * FROM ticket_facts");
    await db.query("DROP VIEW ticket_facts");
    await db.query("ALTER TABLE facts RENAME TO ticket_facts");
    const rounds = (await db.query<{ round: string }>(ROUNDS_SQL)).map((r) => parsePeriod("month", r.round)!);
    const entries: Record<string, TableEntry> = {};
    for (const [t, sql] of scorecardTablesSql(rounds)) entries[t.name] = await writeResult(db, t, sql, place);
    return entries;
  });
}

/** What a scope's database holds: store tables as stored, tables made by SQL over the store's, tables built before. */
export interface DatabasePlan {
  stored: string[];
  /** By name: SQL over the store's `tickets` and `callbacks` (a scope's masked and filtered rows). */
  derived: Record<string, string>;
  /** By name: Arrow files of a previous build (every street's scorecards). */
  extra: Record<string, TableEntry>;
}

/**
 * The scope's tables as one database file of the browser's storage format, written by the
 * native engine table by table, each dropped from the build's own database once copied.
 */
export async function buildScopeDatabase(
  dir: string,
  manifest: Manifest,
  plan: DatabasePlan,
  place: Placement,
): Promise<ScopeDatabase> {
  const path = `${place.path}/${DATABASE_FILE}`;
  const rows: Record<string, number> = {};
  await withBuildDb(place, async (db) => {
    await db.query(`ATTACH '${path}' AS out (STORAGE_VERSION '${STORAGE_VERSION}')`);
    const copy = async (name: string, sql: string) => {
      await db.query(`CREATE TABLE out."${name}" AS ${sql}`);
      [{ n: rows[name] }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM out."${name}"`);
    };
    const sources = TICKET_TABLES.filter((n) => n === "tickets" ? Object.keys(plan.derived).length : n in plan.derived);
    await loadTables(db, dir, manifest, sources);
    for (const [name, sql] of Object.entries(plan.derived)) await copy(name, sql);
    for (const name of sources) await db.query(`DROP TABLE "${name}"`);
    const files = { ...Object.fromEntries(plan.stored.map((n) => [n, manifest.tables[n]])), ...plan.extra };
    for (const [name, entry] of Object.entries(files)) {
      await db.insertArrowStream(name, await Deno.readFile(`${dir}/${entry.file}`));
      await copy(name, `SELECT * FROM "${name}"`);
      await db.query(`DROP TABLE "${name}"`);
    }
    await db.query("DETACH out");
  });
  // Served as it is and as its brotli twin, like the tables.
  const bytes = await Deno.readFile(path);
  await writeWithBrotli(path, bytes);
  return { file: `${place.folder}/${DATABASE_FILE}`, bytes: bytes.length, tables: rows };
}
