/**
 * The last steps of the loop: the handling result published within the configured days
 * after closing (7日内公示办理情况) and the reply to the resident (答复意见), over handled
 * closed tickets, per place and period of receipt. Definitions in docs/metrics.md.
 */
import { aggregateSql, type Filter, type GroupBy, HANDLED } from "./filter.ts";
import { trueShare } from "./sql.ts";

/** Closed tickets whose result is not published and whose publication deadline has passed. */
export const PUBLICATION_OVERDUE = "publication_overdue";

export function publicationSql(filter: Filter, groupBy: GroupBy = {}): string {
  return aggregateSql(filter, groupBy, [
    "count(*) AS closed",
    "count(published_at) AS published",
    "count(*) FILTER (WHERE published_within_rule) AS published_in_time",
    "count(published_within_rule) AS publication_due",
    `${trueShare("published_within_rule")} AS publication_rate`,
    "quantile_cont(publication_days, 0.5) AS median_publication_days",
    "count(*) FILTER (WHERE published_at IS NULL) AS unpublished",
    `count(*) FILTER (WHERE ${PUBLICATION_OVERDUE}) AS publication_overdue`,
    "count(*) FILTER (WHERE has_reply) AS replied",
    `${trueShare("has_reply")} AS reply_coverage`,
  ], { where: [HANDLED, "status = 'closed'"] });
}
