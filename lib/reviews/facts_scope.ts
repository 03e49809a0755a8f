/**
 * Runs any lib/metrics builder over a subset of `ticket_facts` chosen by a condition the
 * metrics' Filter cannot express (e.g. closed in a month, where Filter selects by receipt):
 * a CTE of the same name shadows the view for that one statement, so the metric's own SQL
 * and definitions are used unchanged.
 */
export function overFacts(condition: string, metricSql: string): string {
  return `WITH ticket_facts AS (SELECT * FROM main.ticket_facts WHERE ${condition})
SELECT * FROM (${metricSql})`;
}

/** Local dates as a half-open range condition on a DATE column. */
export function dateRange(column: string, start: string, end: string): string {
  return `${column} >= DATE '${start}' AND ${column} < DATE '${end}'`;
}
