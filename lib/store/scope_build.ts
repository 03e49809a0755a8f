/**
 * The DuckDB work of building a scope's tables (lib/store/scoped.ts): ticket tables
 * filtered to a street official's streets and masked with lib/privacy's SQL, and every
 * street's scorecards over the whole district. Runs in a worker (lib/store/in_worker.ts),
 * on native DuckDB bounded by `LINLI_BUILD_MEMORY_MB` and one thread, so a build costs
 * the server a bounded amount of memory and leaves the other core to the requests.
 */
import { buildMemoryMb } from "../config.ts";
import { type NativeConnector, openNativeDuckDB } from "../db/duckdb_native.ts";
import { ROUNDS_SQL } from "../reviews/callback_round.ts";
import { parsePeriod } from "../reviews/period.ts";
import { type Table, table as schemaTable } from "../schema.ts";
import { attachDatabase, DATABASE_FILE, SCOPE_SCHEMA, type ScopeDatabase, STORAGE_VERSION } from "./scope_database.ts";
import { scorecardTablesSql, ticketTablesSql } from "./scope_sql.ts";
import { writeWithBrotli } from "./brotli_twin.ts";
import type { Manifest, TableEntry } from "./store.ts";

/** Where a build writes its files (`path`, a temporary folder) and the folder its manifest entries name. */
export interface Placement {
  path: string;
  folder: string;
}

/**
 * Runs `build` on a native DuckDB whose spill files go to `tempDir`, a folder of the
 * build's own removed after it.
 */
export async function withBuildDb<T>(tempDir: string, build: (db: NativeConnector) => Promise<T>): Promise<T> {
  await Deno.mkdir(tempDir, { recursive: true });
  const db = await openNativeDuckDB({ memoryLimit: `${buildMemoryMb()}MB`, threads: 1, tempDir });
  try {
    return await build(db);
  } finally {
    await db.close();
    await Deno.remove(tempDir, { recursive: true });
  }
}

/**
 * The same, with the store's database (the admin's scope, every table as stored: `source`)
 * attached read-only and seen through views of the tables' own names and the metrics' views,
 * so a build reads the store where it lies: the store's Arrow streams are converted once per
 * version, into that database, not once per scope.
 */
export function withStoreDatabase<T>(
  source: string,
  tempDir: string,
  build: (db: NativeConnector) => Promise<T>,
): Promise<T> {
  return withBuildDb(tempDir, async (db) => {
    await attachDatabase(db, source);
    return await build(db);
  });
}

/** Writes a query's result as `t`'s Arrow stream with its brotli twin; returns its manifest entry. */
async function writeResult(db: NativeConnector, t: Table, sql: string, place: Placement): Promise<TableEntry> {
  const { bytes, rows } = await db.queryArrowStream(sql);
  await writeWithBrotli(`${place.path}/${t.name}.arrow`, bytes);
  return { rows, bytes: bytes.length, file: `${place.folder}/${t.name}.arrow` };
}

const workDir = (place: Placement) => `${place.path}/.work`;

/**
 * The ticket tables of a masked scope as Arrow streams: a street's filtered to its streets
 * (callbacks too), residents' fields masked.
 */
export async function buildTicketTables(
  source: string,
  streets: string[] | null,
  place: Placement,
): Promise<Record<string, TableEntry>> {
  return await withStoreDatabase(source, workDir(place), async (db) => {
    const entries: Record<string, TableEntry> = {};
    for (const [n, sql] of Object.entries(ticketTablesSql(streets))) {
      entries[n] = await writeResult(db, schemaTable(n), sql, place);
    }
    return entries;
  });
}

/** Every street's review figures (scorecards and callback rounds), over the whole district. */
export async function buildScorecards(source: string, place: Placement): Promise<Record<string, TableEntry>> {
  return await withStoreDatabase(source, workDir(place), async (db) => {
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
 * The scope's tables as one database file of the browser's storage format. `source` null:
 * the store's own database, every table converted from its Arrow stream one after another
 * (each dropped from the build's engine once copied); else the scope is read from that one.
 */
export async function buildScopeDatabase(
  dir: string,
  manifest: Manifest,
  source: string | null,
  plan: DatabasePlan,
  place: Placement,
): Promise<ScopeDatabase> {
  const path = `${place.path}/${DATABASE_FILE}`;
  const rows: Record<string, number> = {};
  const copy = async (db: NativeConnector, name: string, sql: string) => {
    await db.query(`CREATE TABLE out."${name}" AS ${sql}`);
    [{ n: rows[name] }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM out."${name}"`);
  };
  const fromArrow = async (db: NativeConnector, name: string, entry: TableEntry) => {
    await db.insertArrowStream(name, await Deno.readFile(`${dir}/${entry.file}`));
    await copy(db, name, `SELECT * FROM "${name}"`);
    await db.query(`DROP TABLE "${name}"`);
  };
  const write = async (db: NativeConnector) => {
    await db.query(`ATTACH '${path}' AS out (STORAGE_VERSION '${STORAGE_VERSION}')`);
    if (source) {
      for (const [name, sql] of Object.entries(plan.derived)) await copy(db, name, sql);
      for (const name of plan.stored) await copy(db, name, `SELECT * FROM ${SCOPE_SCHEMA}."${name}"`);
    } else {
      for (const name of plan.stored) await fromArrow(db, name, manifest.tables[name]);
    }
    for (const [name, entry] of Object.entries(plan.extra)) await fromArrow(db, name, entry);
    await db.query("DETACH out");
  };
  await (source ? withStoreDatabase(source, workDir(place), write) : withBuildDb(workDir(place), write));
  // Served as it is and as its brotli twin, like the tables.
  const bytes = await Deno.readFile(path);
  await writeWithBrotli(path, bytes);
  return { file: `${place.folder}/${DATABASE_FILE}`, bytes: bytes.length, tables: rows };
}
