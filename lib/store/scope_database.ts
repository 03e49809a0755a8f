/**
 * A scope's tables as one DuckDB database file, built by the server's native DuckDB once
 * per store version and scope (lib/store/scope_build.ts) and opened by the browser's
 * DuckDB-WASM: the file is the download (on the demo store less than half the tables'
 * Arrow bytes), and the engine reads its compressed columns where they lie instead of
 * holding every table decoded in memory. Text is stored dictionary- or FSST-compressed, integers
 * bit-packed, by DuckDB's own storage, so the tables keep the schema's types and every
 * query the same answers.
 */
import type { Connector } from "../db/connector.ts";
import { createViews } from "../metrics/views.ts";

/**
 * The storage format the server writes: the newest DuckDB-WASM 1.32 (DuckDB 1.4.3) reads,
 * whichever newer native DuckDB writes it. Raise it with the browser's engine, never before.
 */
export const STORAGE_VERSION = "v1.4.0";

/** The file in the scope's manifest; the browser's manifest names no file. */
export interface ScopeDatabase {
  file: string;
  bytes: number;
  /** Rows of each table it holds. */
  tables: Record<string, number>;
}

/** The database's name on the data route (`/api/data/scope.duckdb`) and in the browser's engine. */
export const DATABASE_FILE = "scope.duckdb";

/** The schema the database is attached as; the page's own tables and views stay in `main`. */
export const SCOPE_SCHEMA = "scope";

/**
 * Opens the database file's bytes in `db` read-only as `attachDatabase` does: the pages'
 * way in, where the engine reads registered buffers rather than files.
 */
export async function attachScopeDatabase(db: Connector, bytes: Uint8Array, tables: string[]): Promise<void> {
  await db.registerFile(DATABASE_FILE, bytes);
  await attachDatabase(db, DATABASE_FILE, tables);
}

/**
 * Attaches the database at `path` read-only and gives each of its tables (`tables`, or all
 * it holds) a view of the same name in `main`, so the pages' SQL, the server's builds and
 * the metrics' views (created here) read them as before, and a page may still create
 * tables of its own (cubes) beside them.
 */
export async function attachDatabase(db: Connector, path: string, tables?: string[]): Promise<void> {
  await db.query(`ATTACH '${path}' AS ${SCOPE_SCHEMA} (READ_ONLY)`);
  const names = tables ?? (await db.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = '${SCOPE_SCHEMA}' ORDER BY name`,
  )).map((r) => r.name);
  for (const t of names) await db.query(`CREATE OR REPLACE VIEW "${t}" AS SELECT * FROM ${SCOPE_SCHEMA}."${t}"`);
  await createViews(db);
}
