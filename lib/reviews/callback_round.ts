/**
 * The monthly callback round (月回访): the tickets closed in the month before the round,
 * each to be called back by the configured day of the round's month (the 20th). Its
 * figures are lib/metrics' callbacks and publication over those tickets; its lists are
 * the items still to call (the worklist), those called back unsatisfied and those whose
 * result is overdue for publication.
 */
import { callbacksSql } from "../metrics/callbacks.ts";
import { UTC_OFFSET_HOURS } from "../time.ts";
import type { GroupBy } from "../metrics/filter.ts";
import { PUBLICATION_OVERDUE, publicationSql } from "../metrics/publication.ts";
import { localDate } from "../metrics/sql.ts";
import { dateRange, overFacts } from "./facts_scope.ts";
import { type ColumnType, derivedTable, type Table } from "../schema.ts";
import { closingMonth, type Period } from "./period.ts";

/** Handled tickets closed in the month before the round: the round's items. */
export function roundItems(round: Period): string {
  const closed = closingMonth(round);
  return `NOT merged AND status = 'closed' AND ${dateRange("closed_date", closed.start, closed.end)}`;
}

/** Callback coverage, timeliness, dissatisfaction and reopening of the round's items. */
export function roundCallbacksSql(round: Period, groupBy: GroupBy = {}): string {
  return overFacts(roundItems(round), callbacksSql({}, groupBy));
}

/** Publication within the configured days (7日内公示) and replies of the round's items. */
export function roundPublicationSql(round: Period, groupBy: GroupBy = {}): string {
  return overFacts(roundItems(round), publicationSql({}, groupBy));
}

/**
 * A round's callback and publication figures, one row per place (or the district, without
 * a place): both count the same items (`closed`), so one row holds them. Tickets without
 * a place at the level keep their row (`place_id` null), as in either figure alone.
 */
export function roundFiguresSql(round: Period, groupBy: GroupBy = {}): string {
  const [on, exclude] = groupBy.place
    ? ["c.place_id IS NOT DISTINCT FROM p.place_id", "place_id, closed"]
    : ["TRUE", "closed"];
  return `SELECT c.*, p.* EXCLUDE (${exclude})
FROM (${roundCallbacksSql(round, groupBy)}) c
JOIN (${roundPublicationSql(round, groupBy)}) p ON ${on}${groupBy.place ? "\nORDER BY c.place_id" : ""}`;
}

const typed = (type: ColumnType, names: string[]): [string, ColumnType][] => names.map((c) => [c, type]);

/**
 * Every street's and the district's (`place_id` null) round figures (roundFiguresSql) for
 * each round, computed by the server over the whole district into a street official's
 * scope (as STREET_SCORECARDS is for the quarters and years).
 */
export const STREET_ROUNDS: Table = derivedTable(
  "street_rounds",
  "各街道月回访（全区数据计算）",
  "Every street's callback round, computed over the whole district's data",
  [
    ["round", "VARCHAR"],
    ["place_id", "VARCHAR"],
    ...typed("BIGINT", [
      ...["closed", "called_back", "called_back_in_time", "callback_due", "unsatisfied", "rated"],
      ...["with_unsatisfied_callback", "reopened_after_unsatisfied"],
      ...["published", "published_in_time", "publication_due", "unpublished", "publication_overdue", "replied"],
    ]),
    ...typed("DOUBLE", [
      ...["coverage", "timeliness", "unsatisfied_share", "reopened_share"],
      ...["publication_rate", "median_publication_days", "reply_coverage"],
    ]),
  ],
);

/** The rounds whose items the data holds: the month after each month with closings. */
export const ROUNDS_SQL = `SELECT DISTINCT strftime(closed_date + INTERVAL 1 MONTH, '%Y-%m') AS round
FROM ticket_facts WHERE closed_date IS NOT NULL ORDER BY 1`;

/** The rows of STREET_ROUNDS for `rounds`, over this connection's ticket_facts. */
export function streetRoundsSql(rounds: Period[]): string {
  const parts = rounds.flatMap((r) => [
    `SELECT '${r.key}' AS round, * FROM (${roundFiguresSql(r, { place: "street" })})`,
    `SELECT '${r.key}' AS round, NULL::VARCHAR AS place_id, * FROM (${roundFiguresSql(r)})`,
  ]);
  const columns = STREET_ROUNDS.columns.map((c) => c.name).join(", ");
  return parts.length
    ? `SELECT ${columns} FROM (\n${parts.join("\nUNION ALL BY NAME\n")}\n) ORDER BY round, place_id NULLS FIRST`
    : `SELECT ${STREET_ROUNDS.columns.map((c) => `NULL::${c.type} AS ${c.name}`).join(", ")} LIMIT 0`;
}

/** The same rows as roundFiguresSql(round, the streets or the district), read from STREET_ROUNDS. */
export function storedRoundSql(round: Period, level: "street" | undefined): string {
  return `SELECT * EXCLUDE (round) FROM ${STREET_ROUNDS.name}
WHERE round = '${round.key}' AND place_id IS ${level ? "NOT " : ""}NULL ORDER BY place_id`;
}

/** A request is printed as its first characters: a worklist line reminds the caller, it does not replace the ticket. */
const SUMMARY_CHARS = 30;

/** Which items a list holds. */
export type RoundList = "worklist" | "unsatisfied" | "publication_overdue";

const LIST_CONDITION: Record<RoundList, string> = {
  worklist: "callbacks = 0",
  unsatisfied: "unsatisfied_callback",
  publication_overdue: PUBLICATION_OVERDUE,
};

/** A reply says what was done, which a caller reads before phoning: longer than the request's summary. */
const REPLY_CHARACTERS = 60;

/**
 * The round's items of one list, one row per ticket, with the place names a caller needs
 * and the resident's name, phone, request and the reply as this browser holds them (masked by
 * the server for masked roles, lib/access/scope.ts). Ordered by street, community and closing
 * time, the order a caller works through them.
 */
export function roundListSql(round: Period, list: RoundList, utcOffsetHours = UTC_OFFSET_HOURS): string {
  // The clocks end at local midnight after their last day; that day is what a caller reads.
  const lastDay = (instant: string) => localDate(`${instant} - INTERVAL 1 SECOND`, utcOffsetHours);
  return `SELECT f.ticket_id,
  s.name AS street, cm.name AS community, c.name AS compound, b.name AS building,
  f.category, f.kind, f.handler, f.resolved_level,
  f.closed_date,
  ${lastDay("f.publication_due_at")} AS publication_due,
  ${lastDay("f.callback_due_at")} AS callback_due,
  f.callback_result, f.reopened, f.status,
  CASE WHEN length(t.description) > ${SUMMARY_CHARS} THEN left(t.description, ${SUMMARY_CHARS}) || '…'
    ELSE t.description END AS description,
  CASE WHEN length(t.reply) > ${REPLY_CHARACTERS} THEN left(t.reply, ${REPLY_CHARACTERS}) || '…'
    ELSE t.reply END AS reply,
  t.reporter_name, t.reporter_phone,
  f.street_id, f.community_id, f.compound_id
FROM (SELECT * FROM ticket_facts WHERE ${roundItems(round)} AND ${LIST_CONDITION[list]}) f
JOIN tickets t ON t.ticket_id = f.ticket_id
LEFT JOIN places s ON s.place_id = f.street_id
LEFT JOIN places cm ON cm.place_id = f.community_id
LEFT JOIN places c ON c.place_id = f.compound_id
LEFT JOIN buildings b ON b.building_id = f.building_id
ORDER BY f.street_id, f.community_id, f.closed_at, f.ticket_id`;
}
