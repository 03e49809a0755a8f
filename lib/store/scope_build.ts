/**
 * The DuckDB work of building a scope's tables (lib/store/scoped.ts): ticket tables
 * filtered to a street official's streets and masked with lib/privacy's SQL, and every
 * street's scorecards over the whole district. Runs in a worker (lib/store/in_worker.ts).
 */
import type { Table as ArrowTable } from "apache-arrow";
import { openDenoDuckDB } from "../db/duckdb_deno.ts";
import { ROUNDS_SQL } from "../reviews/callback_round.ts";
import { parsePeriod } from "../reviews/period.ts";
import { type Table, table as schemaTable } from "../schema.ts";
import { columnsToArrow, tableToStream } from "./arrow.ts";
import { openStoreDb } from "./open_store_db.ts";
import { arrowToColumns } from "./read_columns.ts";
import { scorecardTablesSql, ticketTablesSql } from "./scope_sql.ts";
import { type Manifest, readTableStream, type TableEntry, writeWithBrotli } from "./store.ts";

/** Where a build writes its files (`path`, a temporary folder) and the folder its manifest entries name. */
export interface Placement {
  path: string;
  folder: string;
}

/** Writes a DuckDB result as `t`'s Arrow stream with its brotli twin; returns its manifest entry. */
async function writeResult(t: Table, arrow: ArrowTable, place: Placement): Promise<TableEntry> {
  const bytes = tableToStream(columnsToArrow(t, arrowToColumns(t, arrow)));
  await writeWithBrotli(`${place.path}/${t.name}.arrow`, bytes);
  return { rows: arrow.numRows, bytes: bytes.length, file: `${place.folder}/${t.name}.arrow` };
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
  const db = await openDenoDuckDB();
  try {
    const entries: Record<string, TableEntry> = {};
    for (const n in tables) await db.insertArrowStream(n, await readTableStream(dir, manifest, n));
    for (const [n, sql] of Object.entries(tables)) {
      entries[n] = await writeResult(schemaTable(n), await db.queryArrow(sql), place);
    }
    return entries;
  } finally {
    await db.close();
  }
}

/** Every street's review figures (scorecards and callback rounds), over the whole district. */
export async function buildScorecards(
  dir: string,
  manifest: Manifest,
  place: Placement,
): Promise<Record<string, TableEntry>> {
  const { db } = await openStoreDb(dir, manifest);
  try {
    // Dozens of periods each read the view: computed once into a table of the same name instead.
    await db.query("CREATE TABLE facts AS SELECT * FROM ticket_facts");
    await db.query("DROP VIEW ticket_facts");
    await db.query("ALTER TABLE facts RENAME TO ticket_facts");
    const rounds = (await db.query<{ round: string }>(ROUNDS_SQL)).map((r) => parsePeriod("month", r.round)!);
    const entries: Record<string, TableEntry> = {};
    for (const [t, sql] of scorecardTablesSql(rounds)) {
      entries[t.name] = await writeResult(t, await db.queryArrow(sql), place);
    }
    return entries;
  } finally {
    await db.close();
  }
}
