/**
 * What every metric is filtered and grouped by. A filter becomes a WHERE condition on
 * `ticket_facts` (or any relation with the same place columns), a grouping becomes the
 * key columns `place_id`, `period` and `category`.
 */
import type { PlaceLevel } from "../schema.ts";
import { sqlList, timestampLiteral } from "./sql.ts";

export type Level = PlaceLevel | "building";
export type TimeGrain = "day" | "week" | "month" | "quarter" | "year";

export interface Filter {
  /** Received at or after (epoch ms). */
  from?: number;
  /** Received before (epoch ms): the range is half-open. */
  to?: number;
  /** The level of `placeIds`; `district` matches every ticket. */
  placeLevel?: Level;
  /** Places at `placeLevel`, e.g. the compounds inside a drawn polygon. An empty list matches nothing. */
  placeIds?: string[];
  categories?: string[];
  kinds?: string[];
  sources?: string[];
  statuses?: string[];
}

export interface GroupBy {
  place?: Exclude<Level, "district">;
  time?: TimeGrain;
  category?: boolean;
}

/** Handling metrics leave out merged duplicates: they are closed by merging, not by handling. */
export const HANDLED = "NOT merged";

/** The ticket column holding a place of each level. */
export function placeColumn(level: Exclude<Level, "district">): string {
  return `${level}_id`;
}

/** The filter's place condition alone, for relations that have place columns but no tickets. */
export function placeCondition(filter: Filter): string {
  if (!filter.placeIds || !filter.placeLevel || filter.placeLevel === "district") return "TRUE";
  if (filter.placeIds.length === 0) return "FALSE";
  return `${placeColumn(filter.placeLevel)} IN ${sqlList(filter.placeIds)}`;
}

/** The whole filter as one condition on ticket_facts; `TRUE` when nothing is filtered. */
export function filterSql(filter: Filter): string {
  const conditions: string[] = [];
  if (filter.from !== undefined) conditions.push(`created_at >= ${timestampLiteral(filter.from)}`);
  if (filter.to !== undefined) conditions.push(`created_at < ${timestampLiteral(filter.to)}`);
  const place = placeCondition(filter);
  if (place !== "TRUE") conditions.push(place);
  const lists: [string, string[] | undefined][] = [
    ["category", filter.categories],
    ["kind", filter.kinds],
    ["source", filter.sources],
    ["status", filter.statuses],
  ];
  for (const [column, values] of lists) {
    if (values) conditions.push(values.length ? `${column} IN ${sqlList(values)}` : "FALSE");
  }
  return conditions.length ? conditions.join(" AND ") : "TRUE";
}

/** The local period a ticket was received in; weeks start on Monday (ISO). */
export function periodSql(grain: TimeGrain, date = "created_date"): string {
  return grain === "day" ? date : `CAST(date_trunc('${grain}', ${date}) AS DATE)`;
}

export interface GroupKeys {
  /** `expression AS key` items for the SELECT list. */
  select: string[];
  /** The key columns' names: place_id, period, category, in that order. */
  keys: string[];
}

export function groupKeys(groupBy: GroupBy): GroupKeys {
  const select: string[] = [];
  const keys: string[] = [];
  if (groupBy.place) {
    select.push(`${placeColumn(groupBy.place)} AS place_id`);
    keys.push("place_id");
  }
  if (groupBy.time) {
    select.push(`${periodSql(groupBy.time)} AS period`);
    keys.push("period");
  }
  if (groupBy.category) {
    select.push("category");
    keys.push("category");
  }
  return { select, keys };
}

export interface AggregateOptions {
  /** Conditions beyond the filter. */
  where?: string[];
  /** Further group keys after the grouping's, as [name, expression]. */
  keys?: [string, string][];
}

/**
 * One aggregate row per group of ticket_facts rows that pass the filter and `where`.
 * Most metric families are this with their own measures.
 */
export function aggregateSql(
  filter: Filter,
  groupBy: GroupBy,
  measures: string[],
  options: AggregateOptions = {},
): string {
  const { select, keys } = groupKeys(groupBy);
  for (const [name, sql] of options.keys ?? []) {
    select.push(`${sql} AS ${name}`);
    keys.push(name);
  }
  const conditions = [filterSql(filter), ...options.where ?? []].filter((c) => c !== "TRUE");
  const grouped = keys.length ? `\nGROUP BY ${keys.join(", ")}\nORDER BY ${keys.join(", ")}` : "";
  return `SELECT
  ${[...select, ...measures].join(",\n  ")}
FROM ticket_facts
WHERE ${conditions.length ? conditions.join("\n  AND ") : "TRUE"}${grouped}`;
}
