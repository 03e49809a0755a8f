-- filter: none
SELECT *, [0, 1, 3, 7, 15, 30][bucket + 1] AS age_from_days, [1, 3, 7, 15, 30, NULL][bucket + 1] AS age_to_days
FROM (SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  CASE WHEN age_days < 1 THEN 0 WHEN age_days < 3 THEN 1 WHEN age_days < 7 THEN 2 WHEN age_days < 15 THEN 3 WHEN age_days < 30 THEN 4 ELSE 5 END AS bucket,
  count(*) AS open,
  count(*) FILTER (WHERE overdue_open) AS overdue
FROM ticket_facts
WHERE status = 'open'
GROUP BY place_id, period, category, bucket
ORDER BY place_id, period, category, bucket) b
ORDER BY place_id, period, category, bucket;

-- filter: every_part
SELECT *, [0, 1, 3, 7, 15, 30][bucket + 1] AS age_from_days, [1, 3, 7, 15, 30, NULL][bucket + 1] AS age_to_days
FROM (SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  CASE WHEN age_days < 1 THEN 0 WHEN age_days < 3 THEN 1 WHEN age_days < 7 THEN 2 WHEN age_days < 15 THEN 3 WHEN age_days < 30 THEN 4 ELSE 5 END AS bucket,
  count(*) AS open,
  count(*) FILTER (WHERE overdue_open) AS overdue
FROM ticket_facts
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  AND status = 'open'
GROUP BY place_id, period, category, bucket
ORDER BY place_id, period, category, bucket) b
ORDER BY place_id, period, category, bucket;
