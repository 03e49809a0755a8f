/**
 * Resolution: time to close (median, p90, in hours and working days), the on-time
 * rate, and the stage times report → dispatch → accept → close. Merged duplicates are
 * left out: they are closed by merging, not by handling.
 */
import { aggregateSql, type Filter, type GroupBy, HANDLED } from "./filter.ts";
import { trueShare } from "./sql.ts";

const median = (column: string) => `quantile_cont(${column}, 0.5)`;
const p90 = (column: string) => `quantile_cont(${column}, 0.9)`;

export function resolutionSql(filter: Filter, groupBy: GroupBy = {}): string {
  return aggregateSql(filter, groupBy, [
    "count(*) AS tickets",
    "count(*) FILTER (WHERE status = 'closed') AS closed",
    `${median("resolution_hours")} AS median_hours`,
    `${p90("resolution_hours")} AS p90_hours`,
    `${median("working_days_to_close")} AS median_working_days`,
    `${p90("working_days_to_close")} AS p90_working_days`,
    "count(*) FILTER (WHERE on_time) AS on_time",
    "count(on_time) AS with_deadline",
    `${trueShare("on_time")} AS on_time_rate`,
    `${median("dispatch_hours")} AS median_dispatch_hours`,
    `${median("accept_hours")} AS median_accept_hours`,
    `${median("handle_hours")} AS median_handle_hours`,
  ], { where: [HANDLED] });
}
