/**
 * The monthly callback round (月回访): the tickets closed in the month before the round,
 * each to be called back by the configured day of the round's month (the 20th). Its
 * figures are lib/metrics' callbacks over those tickets; its lists are the items still
 * to call (the worklist) and those called back unsatisfied.
 */
import { callbacksSql } from "../metrics/callbacks.ts";
import { DEFAULT_CONFIG } from "../metrics/deadlines.ts";
import type { GroupBy } from "../metrics/filter.ts";
import { localDate } from "../metrics/sql.ts";
import { dateRange, overFacts } from "./facts_scope.ts";
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

/** A request is printed as its first characters: a worklist line reminds the caller, it does not replace the ticket. */
const SUMMARY_CHARS = 30;

/** Which items a list holds. */
export type RoundList = "worklist" | "unsatisfied";

const LIST_CONDITION: Record<RoundList, string> = {
  worklist: "callbacks = 0",
  unsatisfied: "unsatisfied_callback",
};

/**
 * The round's items of one list, one row per ticket, with the place names a caller needs
 * and the resident's name, phone and request as this browser holds them (masked by the
 * server for masked roles, lib/access/scope.ts). Ordered by street, community and closing
 * time, the order a caller works through them.
 */
export function roundListSql(round: Period, list: RoundList, utcOffsetHours = DEFAULT_CONFIG.utcOffsetHours): string {
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
