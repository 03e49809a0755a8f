/**
 * Repeats: the same building (or compound) and category reported again and again, and
 * merged duplicates (并单). Merged tickets are left out of repeats: they are already
 * known to be the same problem.
 */
import { DEFAULT_CONFIG } from "./deadlines.ts";
import { aggregateSql, type Filter, filterSql, type GroupBy, placeColumn } from "./filter.ts";
import { ratio } from "./sql.ts";

export interface RepeatOptions {
  level?: "building" | "compound";
  /** At least this many tickets … */
  minCount?: number;
  /** … within this many days (the window ends at each ticket, both ends included). */
  windowDays?: number;
}

/** One row per place and category whose busiest window holds at least `minCount` tickets. */
export function repeatsSql(filter: Filter, options: RepeatOptions = {}): string {
  const { level = "building", ...rest } = options;
  const { minCount, windowDays } = { ...DEFAULT_CONFIG.repeats, ...rest };
  const column = placeColumn(level);
  return `WITH w AS (
  SELECT ${column} AS place_id, category, created_at,
    count(*) OVER (PARTITION BY ${column}, category ORDER BY created_at
      RANGE BETWEEN INTERVAL ${windowDays} DAY PRECEDING AND CURRENT ROW) AS in_window
  FROM ticket_facts
  WHERE ${filterSql(filter)} AND NOT merged AND ${column} IS NOT NULL AND category IS NOT NULL
)
SELECT place_id, category, count(*) AS tickets, max(in_window) AS max_in_window,
  min(created_at) AS first_at, max(created_at) AS last_at
FROM w
GROUP BY place_id, category
HAVING max(in_window) >= ${minCount}
ORDER BY max_in_window DESC, tickets DESC, place_id, category`;
}

export function mergedSql(filter: Filter, groupBy: GroupBy = {}): string {
  return aggregateSql(filter, groupBy, [
    "count(*) AS tickets",
    "count(*) FILTER (WHERE merged) AS merged",
    `${ratio("count(*) FILTER (WHERE merged)", "count(*)")} AS merged_share`,
  ]);
}
