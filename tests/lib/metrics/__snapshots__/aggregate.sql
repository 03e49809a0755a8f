-- filter: none
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS n
FROM ticket_facts
WHERE NOT merged
GROUP BY place_id, period, category
ORDER BY place_id, period, category;

-- filter: every_part
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS n
FROM ticket_facts
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  AND NOT merged
GROUP BY place_id, period, category
ORDER BY place_id, period, category;
