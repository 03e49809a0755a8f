/** The backlog: open tickets by age bucket, and the list of overdue open tickets. */
import { DAY_MS } from "../time.ts";
import { aggregateSql, type Filter, filterSql, type GroupBy, groupKeys } from "./filter.ts";

/** Bucket edges in days of age: [0, 1), [1, 3), …, [30, ∞). */
export const AGE_BUCKETS = [1, 3, 7, 15, 30];

/** One row per group and non-empty bucket: `bucket` (0 = youngest), `age_from_days`, `age_to_days` (null = open-ended). */
export function backlogSql(filter: Filter, groupBy: GroupBy = {}, edges: number[] = AGE_BUCKETS): string {
  const whens = edges.map((edge, i) => `WHEN age_days < ${edge} THEN ${i}`).join(" ");
  const edgeAt = (list: (number | null)[]) => `[${list.map((v) => v ?? "NULL").join(", ")}][bucket + 1]`;
  return `SELECT *, ${edgeAt([0, ...edges])} AS age_from_days, ${edgeAt([...edges, null])} AS age_to_days
FROM (${
    aggregateSql(filter, groupBy, ["count(*) AS open", "count(*) FILTER (WHERE overdue_open) AS overdue"], {
      where: ["status = 'open'"],
      keys: [["bucket", `CASE ${whens} ELSE ${edges.length} END`]],
    })
  }) b
ORDER BY ${[...groupKeys(groupBy).keys, "bucket"].join(", ")}`;
}

/**
 * The backlog is what is open at the range's end, whenever it came in: the range's start
 * and a status filter do not apply to it.
 */
export function openAtEnd(filter: Filter): Filter {
  return { ...filter, from: undefined, statuses: undefined };
}

export interface OverdueOptions {
  limit?: number;
}

/** Open tickets past their deadline, longest overdue first; no personal columns. */
export function overdueListSql(filter: Filter, options: OverdueOptions = {}): string {
  return `SELECT ticket_id, created_at, due_at_effective,
  (epoch_ms(as_of) - epoch_ms(due_at_effective)) / ${DAY_MS}.0 AS overdue_days,
  kind, category, source, status_source, handler,
  street_id, community_id, grid_id, compound_id, building_id
FROM ticket_facts
WHERE overdue_open AND ${filterSql(filter)}
ORDER BY overdue_days DESC, ticket_id
LIMIT ${options.limit ?? 100}`;
}
