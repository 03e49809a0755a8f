/**
 * A short library of questions the dashboards don't ask, written against the
 * canonical tables and `ticket_facts`. Each is tested to run on the demo district.
 */
import { SATISFIED } from "../metrics/satisfaction.ts";
import { offsetInterval } from "../metrics/sql.ts";
import { UTC_OFFSET_HOURS } from "../time.ts";

export interface ExampleQuery {
  id: string;
  zh: string;
  en: string;
  sql: string;
}

export const EXAMPLES: ExampleQuery[] = [
  {
    id: "hotspot_cells",
    zh: "工单最多的 H3 格（近 90 天）",
    en: "H3 cells with the most tickets (last 90 days)",
    sql: `SELECT h3_r9, count(*) AS tickets
FROM tickets
WHERE h3_r9 IS NOT NULL
  AND created_at > (SELECT max(created_at) FROM tickets) - INTERVAL 90 DAY
GROUP BY h3_r9
ORDER BY tickets DESC
LIMIT 50`,
  },
  {
    id: "overdue_by_street",
    zh: "各街道逾期未办结工单",
    en: "Overdue open tickets by street",
    sql: `SELECT p.name AS street, count(*) FILTER (WHERE f.overdue_open) AS overdue_open,
  count(*) FILTER (WHERE f.status = 'open') AS open,
  round(avg(f.age_days) FILTER (WHERE f.overdue_open), 1) AS avg_age_days
FROM ticket_facts f JOIN places p ON p.place_id = f.street_id
GROUP BY p.name
ORDER BY overdue_open DESC`,
  },
  {
    id: "callback_coverage_by_month",
    zh: "按月回访覆盖率与满意率",
    en: "Callback coverage and satisfaction by month",
    sql: `SELECT date_trunc('month', closed_at + ${offsetInterval(UTC_OFFSET_HOURS)}) AS month,
  count(*) AS closed,
  round(100.0 * count(callback_result) / count(*), 1) AS callback_coverage_pct,
  round(100.0 * count(*) FILTER (WHERE ${SATISFIED})
    / nullif(count(callback_result), 0), 1) AS satisfaction_pct
FROM ticket_facts
WHERE status = 'closed'
GROUP BY month
ORDER BY month`,
  },
  {
    id: "repeat_buildings",
    zh: "上季度重复投诉最多的十栋楼",
    en: "The ten buildings with the most repeat complaints last quarter",
    sql: `WITH last_quarter AS (
  SELECT date_trunc('quarter', max(created_at) + INTERVAL 8 HOUR) - INTERVAL 3 MONTH AS start,
    date_trunc('quarter', max(created_at) + INTERVAL 8 HOUR) AS stop
  FROM tickets
), repeats AS (
  SELECT building_id, category, count(*) AS n
  FROM tickets, last_quarter
  WHERE kind = 'complaint' AND building_id IS NOT NULL
    AND created_at + INTERVAL 8 HOUR >= start AND created_at + INTERVAL 8 HOUR < stop
  GROUP BY building_id, category
  HAVING count(*) >= 2
)
SELECT r.building_id, c.name AS compound, b.name AS building, sum(r.n) AS repeat_complaints,
  string_agg(r.category, '、' ORDER BY r.n DESC) AS categories
FROM repeats r
JOIN buildings b ON b.building_id = r.building_id
JOIN places c ON c.place_id = b.compound_id
GROUP BY ALL
ORDER BY repeat_complaints DESC
LIMIT 10`,
  },
  {
    id: "coverage_gaps",
    zh: "无党支部覆盖、工单却多的小区",
    en: "Compounds with no branch but many tickets",
    sql: `SELECT p.place_id, p.name, p.households,
  round(1000.0 * count(t.ticket_id) / nullif(p.households, 0), 0) AS tickets_per_1000_households
FROM places p
LEFT JOIN branch_compounds bc ON bc.compound_id = p.place_id
LEFT JOIN tickets t ON t.compound_id = p.place_id
WHERE p.level = 'compound' AND bc.branch_id IS NULL
GROUP BY p.place_id, p.name, p.households
ORDER BY tickets_per_1000_households DESC
LIMIT 30`,
  },
];
