-- filter: none
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS tickets,
  count(*) FILTER (WHERE status = 'closed') AS closed,
  quantile_cont(resolution_hours, 0.5) AS median_hours,
  quantile_cont(resolution_hours, 0.9) AS p90_hours,
  quantile_cont(working_days_to_close, 0.5) AS median_working_days,
  quantile_cont(working_days_to_close, 0.9) AS p90_working_days,
  count(*) FILTER (WHERE on_time) AS on_time,
  count(on_time) AS with_deadline,
  (count(*) FILTER (WHERE on_time)) / nullif(count(on_time), 0) AS on_time_rate,
  quantile_cont(dispatch_hours, 0.5) AS median_dispatch_hours,
  quantile_cont(accept_hours, 0.5) AS median_accept_hours,
  quantile_cont(handle_hours, 0.5) AS median_handle_hours
FROM ticket_facts
WHERE NOT merged
GROUP BY place_id, period, category
ORDER BY place_id, period, category;

-- filter: every_part
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS tickets,
  count(*) FILTER (WHERE status = 'closed') AS closed,
  quantile_cont(resolution_hours, 0.5) AS median_hours,
  quantile_cont(resolution_hours, 0.9) AS p90_hours,
  quantile_cont(working_days_to_close, 0.5) AS median_working_days,
  quantile_cont(working_days_to_close, 0.9) AS p90_working_days,
  count(*) FILTER (WHERE on_time) AS on_time,
  count(on_time) AS with_deadline,
  (count(*) FILTER (WHERE on_time)) / nullif(count(on_time), 0) AS on_time_rate,
  quantile_cont(dispatch_hours, 0.5) AS median_dispatch_hours,
  quantile_cont(accept_hours, 0.5) AS median_accept_hours,
  quantile_cont(handle_hours, 0.5) AS median_handle_hours
FROM ticket_facts
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  AND NOT merged
GROUP BY place_id, period, category
ORDER BY place_id, period, category;
