/**
 * Recurrence after closing (复诉, "closed ≠ fixed"): a ticket of the same building (or,
 * for tickets without a building, the same compound) and category received within
 * `recurrenceDays` after one was closed. Each such ticket is linked to the latest closing
 * before it; following the links back gives its chain (ticket → closed → reported again
 * → …), whose root is a ticket that recurred after nothing. Merged duplicates are left
 * out: they are the same report twice, not the problem coming back.
 *
 * The links read `tickets`, not `ticket_facts`: they need none of its clocks, and its
 * joins cost seconds at 1M tickets. Chains are found by pointer doubling (each round, a
 * ticket jumps to its furthest known ancestor's), so a chain of 400 links takes 9 rounds
 * rather than 400 joins.
 */
import { type AlertsConfig, DEFAULT_ALERTS } from "./config.ts";
import { type Filter, filterSql, placeColumn } from "../metrics/filter.ts";
import { DEFAULT_CONFIG } from "../metrics/deadlines.ts";
import { localDate } from "../metrics/sql.ts";

/**
 * A cycle of links (only a closing dated before its own ticket makes one) doubles its steps past this and is left
 * unrooted, as it was never reached from a root; 2^30, so that two steps below it add up within an INTEGER.
 */
const MAX_STEPS = 2 ** 30;

/**
 * `wanted`: a condition on the tickets whose chains are asked for; a chain never leaves its place and category, so only
 * the places and categories of such tickets are linked.
 */
function linksSql(config: AlertsConfig, utcOffsetHours: number, wanted = "TRUE"): string {
  const pruned = wanted === "TRUE" ? "" : `,
wanted AS (SELECT DISTINCT level, place_id, category FROM handled WHERE ${wanted}),
pruned AS NOT MATERIALIZED (SELECT * FROM handled SEMI JOIN wanted USING (level, place_id, category))`;
  const source = pruned ? "pruned" : "handled";
  return `handled AS NOT MATERIALIZED (
  SELECT ticket_id, created_at, ${localDate("created_at", utcOffsetHours)} AS created_date, closed_at, status, kind,
    source, category, street_id, community_id, grid_id, compound_id, building_id,
    CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM tickets
  WHERE merged_into IS NULL AND category IS NOT NULL AND compound_id IS NOT NULL
)${pruned},
closings AS (
  SELECT level, place_id, category, ticket_id AS previous_id, closed_at AS previous_closed_at
  FROM ${source} WHERE status = 'closed' AND closed_at IS NOT NULL
),
links AS MATERIALIZED (
  SELECT h.*, c.previous_id, c.previous_closed_at,
    c.previous_id IS NOT NULL AND h.created_at <= c.previous_closed_at + INTERVAL ${config.recurrenceDays} DAY
      AS recurrence,
    -- A number for each ticket, so that the doubling's rounds join integers rather than ids.
    CAST(row_number() OVER () AS INTEGER) AS link_id
  FROM ${source} h
  ASOF LEFT JOIN closings c
    ON c.level = h.level AND c.place_id = h.place_id AND c.category = h.category
    AND h.created_at > c.previous_closed_at
)`;
}

/**
 * Every recurring ticket received in the filter's range (the filter applies to it, not
 * to the chain): its `previous_id` and `previous_closed_at`, `days_after_closing`, the
 * chain's root `chain_id` and the ticket's `position` in it (1 = the first recurrence).
 */
export function recurrencesSql(
  filter: Filter = {},
  config: AlertsConfig = DEFAULT_ALERTS,
  utcOffsetHours = DEFAULT_CONFIG.utcOffsetHours,
): string {
  return chainedSql(filterSql(filter), config, utcOffsetHours);
}

/** The recurrences of the `alerts` view: received in the last `judgedDays` days up to the store's newest day. */
export function recentRecurrencesSql(
  config: AlertsConfig = DEFAULT_ALERTS,
  utcOffsetHours = DEFAULT_CONFIG.utcOffsetHours,
): string {
  const newest = `(SELECT max(${localDate("created_at", utcOffsetHours)}) FROM tickets)`;
  return chainedSql(`created_date > ${newest} - ${config.judgedDays}`, config, utcOffsetHours);
}

/** The recurring tickets that meet `wanted`, with their chains. */
function chainedSql(wanted: string, config: AlertsConfig, utcOffsetHours: number): string {
  return `WITH RECURSIVE ${linksSql(config, utcOffsetHours, wanted)},
parents AS MATERIALIZED (
  SELECT l.link_id, l.recurrence, p.link_id AS parent FROM links l LEFT JOIN links p ON p.ticket_id = l.previous_id
),
-- top: the furthest ancestor known, steps links away; rooted once top is a ticket that recurred after nothing.
chains(link_id, top, steps, rooted) USING KEY (link_id) AS (
  SELECT link_id, CASE WHEN recurrence THEN parent ELSE link_id END, CASE WHEN recurrence THEN 1 ELSE 0 END,
    NOT recurrence
  FROM parents
  UNION
  SELECT c.link_id, a.top, c.steps + a.steps, a.rooted
  FROM chains c JOIN recurring.chains a ON a.link_id = c.top
  WHERE NOT c.rooted AND c.steps < ${MAX_STEPS} AND a.steps < ${MAX_STEPS}
)
SELECT * FROM (
SELECT l.* EXCLUDE (recurrence, closed_at, link_id),
  (epoch_ms(l.created_at) - epoch_ms(l.previous_closed_at)) / 86400000.0 AS days_after_closing,
  root.ticket_id AS chain_id, c.steps AS position
FROM (SELECT * FROM links WHERE recurrence AND ${wanted}) l
JOIN chains c USING (link_id)
JOIN links root ON root.link_id = c.top
WHERE c.rooted
)
ORDER BY created_at, ticket_id`;
}

/**
 * Per place at a level: `closed` tickets (received in the filter's range, now closed), `recurred` those
 * reported again within the window after closing, `recurrence_rate` = recurred / closed.
 */
export function recurrenceRatesSql(
  filter: Filter = {},
  level: "street" | "community" | "compound" | "building" = "compound",
  config: AlertsConfig = DEFAULT_ALERTS,
  utcOffsetHours = DEFAULT_CONFIG.utcOffsetHours,
): string {
  const column = placeColumn(level);
  return `WITH ${linksSql(config, utcOffsetHours)},
recurred AS (SELECT DISTINCT previous_id AS ticket_id FROM links WHERE recurrence)
SELECT f.${column} AS place_id, count(*) AS closed, count(r.ticket_id) AS recurred,
  count(r.ticket_id) / count(*) AS recurrence_rate
FROM (SELECT * FROM ticket_facts WHERE ${filterSql(filter)}) f
LEFT JOIN recurred r USING (ticket_id)
WHERE NOT f.merged AND f.status = 'closed' AND f.category IS NOT NULL AND f.${column} IS NOT NULL
GROUP BY f.${column}
ORDER BY recurrence_rate DESC, recurred DESC, place_id`;
}
