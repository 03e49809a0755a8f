/**
 * 满意率, the one definition every page shows (overview, map, wall, reviews): over handled
 * tickets, each counted once by the result of its latest callback that has one
 * (`ticket_facts.callback_result`), satisfied or basically satisfied over all rated. A
 * ticket called back twice, unsatisfied and then satisfied after reopening, is one
 * satisfied ticket, not one of each. Definitions in docs/metrics.md.
 */
import { aggregateSql, type Filter, type GroupBy, HANDLED } from "./filter.ts";
import { ratio } from "./sql.ts";

/** A ticket whose latest callback found the resident satisfied (满意) or basically satisfied (基本满意). */
export const SATISFIED = "callback_result IN ('satisfied', 'basic')";

/** `satisfied`, `rated` and `satisfaction_rate`, for any builder over handled `ticket_facts` rows. */
export const SATISFACTION_MEASURES = [
  `count(*) FILTER (WHERE ${SATISFIED}) AS satisfied`,
  "count(callback_result) AS rated",
  `${ratio(`count(*) FILTER (WHERE ${SATISFIED})`, "count(callback_result)")} AS satisfaction_rate`,
];

export function satisfactionSql(filter: Filter, groupBy: GroupBy = {}): string {
  return aggregateSql(filter, groupBy, SATISFACTION_MEASURES, { where: [HANDLED] });
}
