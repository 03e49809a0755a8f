/**
 * Callbacks (回访) of closed tickets: coverage, timeliness (by the configured day of
 * the following month), share unsatisfied, and reopening after an unsatisfied callback.
 */
import { aggregateSql, type Filter, type GroupBy, HANDLED } from "./filter.ts";
import { ratio, trueShare } from "./sql.ts";

export function callbacksSql(filter: Filter, groupBy: GroupBy = {}): string {
  const unsatisfied = "count(*) FILTER (WHERE callback_result = 'unsatisfied')";
  const reopenedAfter = "count(*) FILTER (WHERE unsatisfied_callback AND reopened)";
  return aggregateSql(filter, groupBy, [
    "count(*) AS closed",
    "count(*) FILTER (WHERE callbacks > 0) AS called_back",
    `${ratio("count(*) FILTER (WHERE callbacks > 0)", "count(*)")} AS coverage`,
    "count(*) FILTER (WHERE called_back_within_rule) AS called_back_in_time",
    "count(called_back_within_rule) AS callback_due",
    `${trueShare("called_back_within_rule")} AS timeliness`,
    `${unsatisfied} AS unsatisfied`,
    "count(callback_result) AS rated",
    `${ratio(unsatisfied, "count(callback_result)")} AS unsatisfied_share`,
    "count(*) FILTER (WHERE unsatisfied_callback) AS with_unsatisfied_callback",
    `${reopenedAfter} AS reopened_after_unsatisfied`,
    `${ratio(reopenedAfter, "count(*) FILTER (WHERE unsatisfied_callback)")} AS reopened_share`,
  ], { where: [HANDLED, "status = 'closed'"] });
}
