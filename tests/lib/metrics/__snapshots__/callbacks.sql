-- filter: none
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS closed,
  count(*) FILTER (WHERE callbacks > 0) AS called_back,
  (count(*) FILTER (WHERE callbacks > 0)) / nullif(count(*), 0) AS coverage,
  count(*) FILTER (WHERE called_back_within_rule) AS called_back_in_time,
  count(called_back_within_rule) AS callback_due,
  (count(*) FILTER (WHERE called_back_within_rule)) / nullif(count(called_back_within_rule), 0) AS timeliness,
  count(*) FILTER (WHERE callback_result = 'unsatisfied') AS unsatisfied,
  count(callback_result) AS rated,
  (count(*) FILTER (WHERE callback_result = 'unsatisfied')) / nullif(count(callback_result), 0) AS unsatisfied_share,
  count(*) FILTER (WHERE unsatisfied_callback) AS with_unsatisfied_callback,
  count(*) FILTER (WHERE unsatisfied_callback AND reopened) AS reopened_after_unsatisfied,
  (count(*) FILTER (WHERE unsatisfied_callback AND reopened)) / nullif(count(*) FILTER (WHERE unsatisfied_callback), 0) AS reopened_share
FROM ticket_facts
WHERE NOT merged
  AND status = 'closed'
GROUP BY place_id, period, category
ORDER BY place_id, period, category;

-- filter: every_part
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS closed,
  count(*) FILTER (WHERE callbacks > 0) AS called_back,
  (count(*) FILTER (WHERE callbacks > 0)) / nullif(count(*), 0) AS coverage,
  count(*) FILTER (WHERE called_back_within_rule) AS called_back_in_time,
  count(called_back_within_rule) AS callback_due,
  (count(*) FILTER (WHERE called_back_within_rule)) / nullif(count(called_back_within_rule), 0) AS timeliness,
  count(*) FILTER (WHERE callback_result = 'unsatisfied') AS unsatisfied,
  count(callback_result) AS rated,
  (count(*) FILTER (WHERE callback_result = 'unsatisfied')) / nullif(count(callback_result), 0) AS unsatisfied_share,
  count(*) FILTER (WHERE unsatisfied_callback) AS with_unsatisfied_callback,
  count(*) FILTER (WHERE unsatisfied_callback AND reopened) AS reopened_after_unsatisfied,
  (count(*) FILTER (WHERE unsatisfied_callback AND reopened)) / nullif(count(*) FILTER (WHERE unsatisfied_callback), 0) AS reopened_share
FROM ticket_facts
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  AND NOT merged
  AND status = 'closed'
GROUP BY place_id, period, category
ORDER BY place_id, period, category;
