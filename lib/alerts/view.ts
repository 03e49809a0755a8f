/**
 * The view `alerts`: every current early warning in one relation, created with
 * `ticket_facts` (lib/metrics/views.ts), so the browser, `deno task sql` and the server
 * read the same rows. "Current" is the last `judgedDays` days up to the store's newest
 * day: surges judged on those days, recurrences received in them, and the open tickets at
 * or above `riskThreshold` of missing their deadline.
 *
 * | column              | surge                         | recurrence                        | deadline_risk                 |
 * | ------------------- | ----------------------------- | --------------------------------- | ----------------------------- |
 * | `level`, `place_id` | the series' place             | building (else compound)          | building (else compound)      |
 * | `category`          | null: all categories          | the ticket's                      | the ticket's                  |
 * | `grain`             | `day` / `week`                | null                              | null                          |
 * | `period_start`      | the day, or the week's first  | the day it was received           | the local day it is due       |
 * | `observed`          | tickets                       | its position in the chain         | working days open             |
 * | `expected`, `upper` | expected count, 97.5 % band   | null                              | working days allowed, null    |
 * | `score`             | (observed − expected) / sd    | days after the previous closing   | null                          |
 * | `p_value`, `q_value`| NB tail, Benjamini–Hochberg   | null                              | null                          |
 * | `probability`       | null                          | null                              | of missing the deadline       |
 * | `ticket_id`         | null                          | the recurring ticket              | the ticket                    |
 * | `related_ticket_id` | null                          | the ticket closed before it       | null                          |
 */
import { type AlertsConfig, DEFAULT_ALERTS } from "./config.ts";
import { deadlineRiskSql } from "./deadline_risk.ts";
import { recentRecurrencesSql } from "./recurrence.ts";
import { surgeSeriesSql } from "./surges.ts";
import { localDate } from "../metrics/sql.ts";
import { DEFAULT_CONFIG, type MetricsConfig } from "../metrics/deadlines.ts";

export const ALERT_KINDS = ["surge", "recurrence", "deadline_risk"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The columns of `alerts`, in order. */
export const ALERT_COLUMNS = [
  "alert_kind",
  "level",
  "place_id",
  "category",
  "grain",
  "period_start",
  "observed",
  "expected",
  "upper",
  "score",
  "p_value",
  "q_value",
  "probability",
  "ticket_id",
  "related_ticket_id",
] as const;

/** `deadlines`: the rules `ticket_facts` was created with, which deadline risk reads from `tickets` itself. */
export function alertsSql(
  config: AlertsConfig = DEFAULT_ALERTS,
  utcOffsetHours = DEFAULT_CONFIG.utcOffsetHours,
  deadlines: MetricsConfig = DEFAULT_CONFIG,
): string {
  return `SELECT 'surge' AS alert_kind, level, place_id, category, grain, period_start,
  CAST(observed AS DOUBLE) AS observed, expected, upper, score, p_value, q_value,
  CAST(NULL AS DOUBLE) AS probability, CAST(NULL AS VARCHAR) AS ticket_id, CAST(NULL AS VARCHAR) AS related_ticket_id
FROM (${surgeSeriesSql(config, { utcOffsetHours })}) WHERE alert
UNION ALL
SELECT 'recurrence', level, place_id, category, NULL, created_date,
  position, NULL, NULL, days_after_closing, NULL, NULL, NULL, ticket_id, previous_id
FROM (${recentRecurrencesSql(config, utcOffsetHours)})
UNION ALL
SELECT 'deadline_risk', CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END,
  coalesce(building_id, compound_id), category, NULL,
  ${localDate("due_at - INTERVAL 1 MILLISECOND", utcOffsetHours)},
  age_workdays, allowed_workdays, NULL, NULL, NULL, NULL, probability, ticket_id, NULL
FROM (${deadlineRiskSql({ utcOffsetHours, deadlines })}) WHERE probability >= ${config.riskThreshold}`;
}

export function alertsViewSql(
  config: AlertsConfig = DEFAULT_ALERTS,
  utcOffsetHours = DEFAULT_CONFIG.utcOffsetHours,
  deadlines: MetricsConfig = DEFAULT_CONFIG,
): string {
  return `CREATE OR REPLACE VIEW alerts AS\n${alertsSql(config, utcOffsetHours, deadlines)}`;
}
