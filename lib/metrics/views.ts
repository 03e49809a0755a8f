/**
 * `ticket_facts`: one row per ticket with the derived columns every metric reads, so
 * that no metric (and no analyst in the workbench or `deno task sql`) re-derives a
 * deadline, a clock or a callback outcome. The view's text is a pure function of the
 * deadline configuration, deadline rules included, inlined as a CASE.
 *
 * It stays a VIEW rather than a table materialised at load. Measured in DuckDB-WASM in
 * Deno on the demo district at 1M tickets: materialising took 33 s (so minutes at 10M, on
 * every page load), after which metrics took 0.04–1.8 s; over the view they take 3–8 s
 * and nothing at load; a view also follows a re-import without being rebuilt.
 */
import { DEFAULT_ALERTS } from "../alerts/config.ts";
import { alertsViewSql } from "../alerts/view.ts";
import { calendarColumns } from "../calendar/calendar.ts";
import type { Connector } from "../db/connector.ts";
import { PERSONAL_COLUMNS, table } from "../schema.ts";
import { columnsToArrow, tableToStream } from "../store/arrow.ts";
import { DATA_AS_OF_SQL } from "./overview.ts";
import { deadlineWorkdaysSql, DEFAULT_CONFIG, type MetricsConfig } from "./deadlines.ts";
import { endOfLocalDay, hoursBetween, localDate } from "./sql.ts";

/**
 * The local date whose end is the publication deadline: `publicationDays` calendar days
 * after closing, or that many working days on the official calendar.
 */
function publicationDueDateSql(config: MetricsConfig): string {
  return config.publicationDayKind === "working"
    ? "pub_day.date"
    : `b.closed_date + INTERVAL ${config.publicationDays} DAY`;
}

/** What the view can read beyond the columns every store has. */
export interface FactsSource {
  /** The tickets table holds `reply`: a scope without residents' fields (the wall's) has none. */
  reply: boolean;
}

export function ticketFactsSql(config: MetricsConfig = DEFAULT_CONFIG, source: FactsSource = { reply: true }): string {
  const offset = config.utcOffsetHours;
  const local = (instant: string) => localDate(instant, offset);
  const endOf = (date: string) => endOfLocalDay(date, offset);
  const response = config.responseHours;
  return `CREATE OR REPLACE VIEW ticket_facts AS
WITH as_of AS (${DATA_AS_OF_SQL}),
callback_facts AS (
  SELECT ticket_id,
    count(*) AS callbacks,
    min(called_at) AS first_callback_at,
    arg_max(result, called_at) FILTER (WHERE result IS NOT NULL) AS callback_result,
    coalesce(bool_or(result = 'unsatisfied'), false) AS unsatisfied_callback
  FROM callbacks
  GROUP BY ticket_id
),
base AS (
  SELECT t.ticket_id, t.created_at, t.dispatched_at, t.accepted_at, t.closed_at, t.due_at,
    t.status, t.status_source, t.kind, t.category, t.source,
    t.street_id, t.community_id, t.grid_id, t.compound_id, t.building_id,
    t.lon, t.lat, t.h3_r7, t.h3_r8, t.h3_r9, t.handler, t.merged_into,
    t.merged_into IS NOT NULL AS merged,
    coalesce(t.reopened, false) AS reopened,
    t.resolved_level,
    t.published_at,
    ${source.reply ? "coalesce(trim(t.reply), '') <> ''" : "CAST(NULL AS BOOLEAN)"} AS has_reply,
    a.as_of,
    ${local("t.created_at")} AS created_date,
    ${local("t.closed_at")} AS closed_date,
    ${deadlineWorkdaysSql(config)} AS deadline_workdays,
    coalesce(t.dispatched_at, t.accepted_at) AS response_at,
    coalesce(cb.callbacks, 0) AS callbacks,
    cb.first_callback_at,
    cb.callback_result,
    coalesce(cb.unsatisfied_callback, false) AS unsatisfied_callback
  FROM tickets t
  CROSS JOIN as_of a
  LEFT JOIN callback_facts cb ON cb.ticket_id = t.ticket_id
),
clocks AS (
  SELECT b.*,
    coalesce(b.due_at, ${endOf("due_day.date")}) AS due_at_effective,
    ${endOf(publicationDueDateSql(config))} AS publication_due_at,
    ${hoursBetween("b.closed_at", "b.published_at")} / 24 AS publication_days,
    ${
    endOf(`date_trunc('month', b.closed_date) + INTERVAL 1 MONTH + INTERVAL ${config.callbackDayOfNextMonth - 1} DAY`)
  } AS callback_due_at,
    CASE WHEN b.closed_at >= b.created_at THEN ${hoursBetween("b.created_at", "b.closed_at")} END AS resolution_hours,
    c_closed.workday_seq - c_created.workday_seq AS working_days_to_close,
    ${hoursBetween("b.created_at", "b.response_at")} AS response_hours,
    c_response.workday_seq - c_created.workday_seq AS response_working_days,
    ${hoursBetween("b.created_at", "b.dispatched_at")} AS dispatch_hours,
    ${hoursBetween("b.dispatched_at", "b.accepted_at")} AS accept_hours,
    ${hoursBetween("b.accepted_at", "b.closed_at")} AS handle_hours,
    CASE WHEN b.status = 'open' THEN ${hoursBetween("b.created_at", "b.as_of")} / 24 END AS age_days,
    CASE WHEN b.status = 'open' THEN c_now.workday_seq - c_created.workday_seq END AS age_working_days
  FROM base b
  LEFT JOIN calendar c_created ON c_created.date = b.created_date
  LEFT JOIN calendar c_closed ON c_closed.date = b.closed_date
  LEFT JOIN calendar c_response ON c_response.date = ${local("b.response_at")}
  LEFT JOIN calendar c_now ON c_now.date = ${local("b.as_of")}
  LEFT JOIN (SELECT date, workday_seq FROM calendar WHERE is_workday) due_day
    ON due_day.workday_seq = c_created.workday_seq + b.deadline_workdays${
    config.publicationDayKind === "working"
      ? `
  LEFT JOIN (SELECT date, workday_seq FROM calendar WHERE is_workday) pub_day
    ON pub_day.workday_seq = c_closed.workday_seq + ${config.publicationDays}`
      : ""
  }
)
SELECT *,
  CASE WHEN merged THEN NULL
    WHEN status = 'closed' THEN closed_at <= due_at_effective
    WHEN as_of > due_at_effective THEN false END AS on_time,
  status = 'open' AND coalesce(as_of > due_at_effective, false) AS overdue_open,
  CASE WHEN merged THEN NULL
    WHEN response_at IS NOT NULL THEN response_hours <= ${response}
    WHEN ${hoursBetween("created_at", "as_of")} > ${response} THEN false END AS responded_within_rule,
  CASE WHEN merged OR status <> 'closed' THEN NULL
    WHEN first_callback_at IS NOT NULL THEN first_callback_at < callback_due_at
    WHEN as_of >= callback_due_at THEN false END AS called_back_within_rule,
  CASE WHEN merged OR status <> 'closed' THEN NULL
    WHEN published_at IS NOT NULL THEN published_at < publication_due_at
    WHEN as_of >= publication_due_at THEN false END AS published_within_rule,
  NOT merged AND status = 'closed' AND published_at IS NULL AND as_of >= publication_due_at AS publication_overdue
FROM clocks`;
}

/**
 * Creates the views (`ticket_facts`, then `alerts` over it) once the store's tables are loaded. A store written before the
 * calendar table existed gets it from lib/calendar, so old stores keep working.
 */
export async function createViews(db: Connector, config: MetricsConfig = DEFAULT_CONFIG): Promise<void> {
  // duckdb_columns() rather than information_schema: binding the latter's views is a fifth of a second in the browser.
  const columns = await db.query<{ table_name: string; name: string }>(
    `SELECT table_name, column_name AS name FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = current_schema() AND table_name IN ('calendar', 'tickets')`,
  );
  if (!columns.some((c) => c.table_name === "calendar")) {
    await db.insertArrowStream("calendar", tableToStream(columnsToArrow(table("calendar"), calendarColumns())));
  }
  const reply = await addMissingTicketColumns(db, columns.filter((c) => c.table_name === "tickets").map((c) => c.name));
  await db.query(ticketFactsSql(config, { reply }));
  await db.query(alertsViewSql(DEFAULT_ALERTS, config.utcOffsetHours, config));
}

/**
 * A store written before a tickets column existed (`published_at`, `reply`) gets it as
 * nulls, so old stores open. Residents' fields are added only where the tickets came with
 * them: a scope served without them stays without, and the view says "unknown" there.
 * Returns whether the tickets table holds `reply`.
 */
async function addMissingTicketColumns(db: Connector, columns: string[]): Promise<boolean> {
  const present = new Set(columns);
  const personal = PERSONAL_COLUMNS.tickets;
  const withPersonal = personal.some((c) => present.has(c));
  for (const c of table("tickets").columns) {
    if (present.has(c.name) || (personal.includes(c.name) && !withPersonal)) continue;
    await db.query(`ALTER TABLE tickets ADD COLUMN ${c.name} ${c.type}`);
    present.add(c.name);
  }
  return present.has("reply");
}
