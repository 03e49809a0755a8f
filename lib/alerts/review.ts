/**
 * The month's alerts and what became of them, for the monthly review: each series that
 * surged on a day of the month, when it first did and on how many days, its strongest
 * count against the expected one, and the tickets of its place and category received from
 * its first alerted period to its last: how many, how many are closed, how many on time.
 */
import { type AlertsConfig, DEFAULT_ALERTS } from "./config.ts";
import { surgeSeriesSql } from "./surges.ts";

/** `from` and `to`: the month's first and last local dates (YYYY-MM-DD), both judged. */
export function monthAlertsSql(from: string, to: string, config: AlertsConfig = DEFAULT_ALERTS): string {
  return `WITH series AS (${surgeSeriesSql(config, { from, to })}),
alerted AS (
  SELECT level, place_id, category, min(day) AS first_alert, count(DISTINCT day) AS alert_days,
    min(period_start) AS window_start, max(day) AS window_end,
    arg_max(observed, score) AS observed, arg_max(expected, score) AS expected
  FROM series WHERE alert
  GROUP BY level, place_id, category
),
outcome AS (
  SELECT a.level, a.place_id, a.category, count(f.ticket_id) AS alert_tickets,
    count(f.ticket_id) FILTER (WHERE f.status = 'closed') AS alert_closed,
    count(f.ticket_id) FILTER (WHERE f.on_time) / nullif(count(f.on_time), 0) AS on_time_rate
  FROM alerted a
  LEFT JOIN ticket_facts f ON NOT f.merged AND f.created_date BETWEEN a.window_start AND a.window_end
    AND (a.category IS NULL OR f.category = a.category)
    AND CASE a.level WHEN 'street' THEN f.street_id = a.place_id WHEN 'community' THEN f.community_id = a.place_id
      WHEN 'compound' THEN f.compound_id = a.place_id ELSE true END
  GROUP BY a.level, a.place_id, a.category
)
SELECT a.level, a.place_id, p.name, a.category, a.first_alert, a.alert_days, a.observed, a.expected,
  o.alert_tickets, o.alert_closed, o.on_time_rate
FROM alerted a
JOIN outcome o ON o.level = a.level AND o.place_id IS NOT DISTINCT FROM a.place_id
  AND o.category IS NOT DISTINCT FROM a.category
LEFT JOIN places p ON p.place_id = a.place_id
ORDER BY a.first_alert, a.level, a.place_id, a.category`;
}
