/**
 * Escalation: the level closed tickets were resolved at, and the share resolved inside
 * the building or compound ("小事不出楼道、大事不出小区").
 */
import { RESOLVED_LEVELS } from "../schema.ts";
import { aggregateSql, type Filter, type GroupBy, HANDLED } from "./filter.ts";
import { ratio } from "./sql.ts";

const WITHIN_COMPOUND = "count(*) FILTER (WHERE resolved_level IN ('building', 'compound'))";

export function escalationSql(filter: Filter, groupBy: GroupBy = {}): string {
  return aggregateSql(filter, groupBy, [
    ...RESOLVED_LEVELS.map((level) => `count(*) FILTER (WHERE resolved_level = '${level}') AS at_${level}`),
    "count(resolved_level) AS resolved",
    `${WITHIN_COMPOUND} AS within_compound`,
    `${ratio(WITHIN_COMPOUND, "count(resolved_level)")} AS within_compound_share`,
  ], { where: [HANDLED, "status = 'closed'"] });
}
