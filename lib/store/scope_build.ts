/**
 * The DuckDB work of building a scope's tables (lib/store/scoped.ts): ticket tables
 * filtered to a street official's streets and masked with lib/privacy's SQL, and every
 * street's scorecards over the whole district. Runs in a worker (lib/store/in_worker.ts).
 */
import type { Table as ArrowTable } from "apache-arrow";
import { TICKET_TABLES } from "../access/scope.ts";
import { openDenoDuckDB } from "../db/duckdb_deno.ts";
import { sqlList } from "../metrics/sql.ts";
import { maskedColumnsSql } from "../privacy/mask.ts";
import { ROUNDS_SQL, STREET_ROUNDS, streetRoundsSql } from "../reviews/callback_round.ts";
import { parsePeriod } from "../reviews/period.ts";
import { STREET_SCORECARDS, streetScorecardsSql } from "../reviews/scorecard.ts";
import { PERSONAL_COLUMNS, type Table, table as schemaTable } from "../schema.ts";
import { columnsToArrow, tableToStream } from "./arrow.ts";
import { openStoreDb } from "./open_store_db.ts";
import { arrowToColumns } from "./read_columns.ts";
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
  const names = streets ? TICKET_TABLES : TICKET_TABLES.filter((n) => PERSONAL_COLUMNS[n]);
  const db = await openDenoDuckDB();
  try {
    const entries: Record<string, TableEntry> = {};
    for (const n of names) await db.insertArrowStream(n, await readTableStream(dir, manifest, n));
    for (const n of names) {
      const sql = scopedTableSql(n, streets);
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
    for (
      const [t, sql] of [[STREET_SCORECARDS, streetScorecardsSql()], [STREET_ROUNDS, streetRoundsSql(rounds)]] as const
    ) {
      entries[t.name] = await writeResult(t, await db.queryArrow(storable(t, sql)), place);
    }
    return entries;
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
