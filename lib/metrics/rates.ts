/**
 * The three rates supervisors compare places on (响应率, 解决率, 满意率), per place and
 * period of receipt. Definitions in docs/metrics.md.
 */
import { aggregateSql, type Filter, type GroupBy, HANDLED } from "./filter.ts";
import { SATISFACTION_MEASURES } from "./satisfaction.ts";
import { ratio, trueShare } from "./sql.ts";

const DUE = "due_at_effective <= as_of";
const RESOLVED = "status = 'closed' AND NOT reopened";

export function ratesSql(filter: Filter, groupBy: GroupBy = {}): string {
  return aggregateSql(filter, groupBy, [
    "count(*) AS tickets",
    "count(*) FILTER (WHERE responded_within_rule) AS responded",
    "count(responded_within_rule) AS response_due",
    `${trueShare("responded_within_rule")} AS response_rate`,
    `count(*) FILTER (WHERE ${DUE} AND ${RESOLVED}) AS resolved`,
    `count(*) FILTER (WHERE ${DUE}) AS due`,
    `${ratio(`count(*) FILTER (WHERE ${DUE} AND ${RESOLVED})`, `count(*) FILTER (WHERE ${DUE})`)} AS resolution_rate`,
    ...SATISFACTION_MEASURES,
  ], { where: [HANDLED] });
}
