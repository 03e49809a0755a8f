/**
 * Recurrence after closing (复诉, "closed ≠ fixed"): a ticket of the same building (or,
 * for tickets without a building, the same compound) and category received within
 * `recurrenceDays` after one was closed. Each such ticket is linked to the latest closing
 * before it; following the links back gives its chain (ticket → closed → reported again
 * → …), whose root is a ticket that recurred after nothing. Merged duplicates are left
 * out: they are the same report twice, not the problem coming back.
 */
import { type AlertsConfig, DEFAULT_ALERTS } from "./config.ts";
import { type Filter, filterSql, placeColumn } from "../metrics/filter.ts";

function linksSql(config: AlertsConfig): string {
  return `handled AS (
  SELECT ticket_id, created_at, created_date, closed_at, status, kind, source, category, street_id, community_id,
    grid_id, compound_id, building_id, CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM ticket_facts
  WHERE NOT merged AND category IS NOT NULL AND compound_id IS NOT NULL
),
closings AS (
  SELECT level, place_id, category, ticket_id AS previous_id, closed_at AS previous_closed_at
  FROM handled WHERE status = 'closed' AND closed_at IS NOT NULL
),
links AS (
  SELECT h.*, c.previous_id, c.previous_closed_at,
    c.previous_id IS NOT NULL AND h.created_at <= c.previous_closed_at + INTERVAL ${config.recurrenceDays} DAY
      AS recurrence
  FROM handled h
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
export function recurrencesSql(filter: Filter = {}, config: AlertsConfig = DEFAULT_ALERTS): string {
  return `WITH RECURSIVE ${linksSql(config)},
chains AS (
  SELECT ticket_id, ticket_id AS chain_id, 0 AS position FROM links WHERE NOT recurrence
  UNION ALL
  SELECT l.ticket_id, c.chain_id, c.position + 1
  FROM links l JOIN chains c ON l.previous_id = c.ticket_id
  WHERE l.recurrence
)
SELECT * FROM (
  SELECT l.* EXCLUDE (recurrence, closed_at),
    (epoch_ms(l.created_at) - epoch_ms(l.previous_closed_at)) / 86400000.0 AS days_after_closing,
    c.chain_id, c.position
  FROM links l
  JOIN chains c USING (ticket_id)
  WHERE l.recurrence
)
WHERE ${filterSql(filter)}
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
): string {
  const column = placeColumn(level);
  return `WITH ${linksSql(config)},
recurred AS (SELECT DISTINCT previous_id AS ticket_id FROM links WHERE recurrence)
SELECT f.${column} AS place_id, count(*) AS closed, count(r.ticket_id) AS recurred,
  count(r.ticket_id) / count(*) AS recurrence_rate
FROM (SELECT * FROM ticket_facts WHERE ${filterSql(filter)}) f
LEFT JOIN recurred r USING (ticket_id)
WHERE NOT f.merged AND f.status = 'closed' AND f.category IS NOT NULL AND f.${column} IS NOT NULL
GROUP BY f.${column}
ORDER BY recurrence_rate DESC, recurred DESC, place_id`;
}
