/**
 * The SQL a scope's tables are built with (lib/store/scope_build.ts). Its text is also the
 * recipe lib/store/scoped.ts names a build's folder by, so a change of a masking rule or
 * a builder rebuilds the scopes of a store version built before it.
 */
import { TICKET_TABLES } from "../access/scope.ts";
import { sqlList } from "../metrics/sql.ts";
import { maskedColumnsSql } from "../privacy/mask.ts";
import { STREET_ROUNDS, streetRoundsSql } from "../reviews/callback_round.ts";
import type { Period } from "../reviews/period.ts";
import { STREET_SCORECARDS, streetScorecardsSql } from "../reviews/scorecard.ts";
import { PERSONAL_COLUMNS, type Table, table as schemaTable } from "../schema.ts";

/**
 * The ticket tables of a masked scope, by name: a street's filtered to its streets
 * (callbacks too). The masked roles' tables without residents' fields stay the store's own.
 */
export function ticketTablesSql(streets: string[] | null): Record<string, string> {
  const names = streets ? TICKET_TABLES : TICKET_TABLES.filter((n) => PERSONAL_COLUMNS[n]);
  return Object.fromEntries(names.map((n) => [n, scopedTableSql(n, streets)]));
}

/** Every street's review figures over the whole district, for `rounds` (the callback rounds the data holds). */
export function scorecardTablesSql(rounds: Period[]): [Table, string][] {
  return [
    [STREET_SCORECARDS, storable(STREET_SCORECARDS, streetScorecardsSql())],
    [STREET_ROUNDS, storable(STREET_ROUNDS, streetRoundsSql(rounds))],
  ];
}

/**
 * A ticket table as a masked scope holds it: residents' fields masked and, for a street
 * official, its rows limited to `streets` (callbacks by their ticket's street).
 */
function scopedTableSql(name: string, streets: string[] | null): string {
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

/** A query's rows as `t` declares them: its columns, in its order, of its types. */
function storable(t: Table, sql: string): string {
  return `SELECT ${t.columns.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`).join(", ")} FROM (${sql})`;
}
