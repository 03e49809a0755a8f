CREATE OR REPLACE VIEW ticket_facts AS
WITH as_of AS (SELECT max(created_at) AS as_of FROM tickets),
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
    coalesce(trim(t.reply), '') <> '' AS has_reply,
    a.as_of,
    CAST(t.created_at + INTERVAL 8 HOUR AS DATE) AS created_date,
    CAST(t.closed_at + INTERVAL 8 HOUR AS DATE) AS closed_date,
    CASE WHEN t.category = '违章搭建' THEN 15
      WHEN t.category = '房屋维修' THEN 15
      WHEN t.category = '绿化' THEN 15
      ELSE 7 END AS deadline_workdays,
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
    coalesce(b.due_at, (CAST(due_day.date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 8 HOUR)) AS due_at_effective,
    (CAST(b.closed_date + INTERVAL 7 DAY AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 8 HOUR) AS publication_due_at,
    (epoch_ms(b.published_at) - epoch_ms(b.closed_at)) / 3600000.0 / 24 AS publication_days,
    (CAST(date_trunc('month', b.closed_date) + INTERVAL 1 MONTH + INTERVAL 19 DAY AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 8 HOUR) AS callback_due_at,
    CASE WHEN b.closed_at >= b.created_at THEN (epoch_ms(b.closed_at) - epoch_ms(b.created_at)) / 3600000.0 END AS resolution_hours,
    c_closed.workday_seq - c_created.workday_seq AS working_days_to_close,
    (epoch_ms(b.response_at) - epoch_ms(b.created_at)) / 3600000.0 AS response_hours,
    c_response.workday_seq - c_created.workday_seq AS response_working_days,
    (epoch_ms(b.dispatched_at) - epoch_ms(b.created_at)) / 3600000.0 AS dispatch_hours,
    (epoch_ms(b.accepted_at) - epoch_ms(b.dispatched_at)) / 3600000.0 AS accept_hours,
    (epoch_ms(b.closed_at) - epoch_ms(b.accepted_at)) / 3600000.0 AS handle_hours,
    CASE WHEN b.status = 'open' THEN (epoch_ms(b.as_of) - epoch_ms(b.created_at)) / 3600000.0 / 24 END AS age_days,
    CASE WHEN b.status = 'open' THEN c_now.workday_seq - c_created.workday_seq END AS age_working_days
  FROM base b
  LEFT JOIN calendar c_created ON c_created.date = b.created_date
  LEFT JOIN calendar c_closed ON c_closed.date = b.closed_date
  LEFT JOIN calendar c_response ON c_response.date = CAST(b.response_at + INTERVAL 8 HOUR AS DATE)
  LEFT JOIN calendar c_now ON c_now.date = CAST(b.as_of + INTERVAL 8 HOUR AS DATE)
  LEFT JOIN (SELECT date, workday_seq FROM calendar WHERE is_workday) due_day
    ON due_day.workday_seq = c_created.workday_seq + b.deadline_workdays
)
SELECT *,
  CASE WHEN merged THEN NULL
    WHEN status = 'closed' THEN closed_at <= due_at_effective
    WHEN as_of > due_at_effective THEN false END AS on_time,
  status = 'open' AND coalesce(as_of > due_at_effective, false) AS overdue_open,
  CASE WHEN merged THEN NULL
    WHEN response_at IS NOT NULL THEN response_hours <= 4
    WHEN (epoch_ms(as_of) - epoch_ms(created_at)) / 3600000.0 > 4 THEN false END AS responded_within_rule,
  CASE WHEN merged OR status <> 'closed' THEN NULL
    WHEN first_callback_at IS NOT NULL THEN first_callback_at < callback_due_at
    WHEN as_of >= callback_due_at THEN false END AS called_back_within_rule,
  CASE WHEN merged OR status <> 'closed' THEN NULL
    WHEN published_at IS NOT NULL THEN published_at < publication_due_at
    WHEN as_of >= publication_due_at THEN false END AS published_within_rule,
  NOT merged AND status = 'closed' AND published_at IS NULL AND as_of >= publication_due_at AS publication_overdue
FROM clocks