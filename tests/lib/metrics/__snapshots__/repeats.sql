-- filter: none
WITH w AS (
  SELECT compound_id AS place_id, category, created_at,
    count(*) OVER (PARTITION BY compound_id, category ORDER BY created_at
      RANGE BETWEEN INTERVAL 90 DAY PRECEDING AND CURRENT ROW) AS in_window
  FROM ticket_facts
  WHERE TRUE AND NOT merged AND compound_id IS NOT NULL AND category IS NOT NULL
)
SELECT place_id, category, count(*) AS tickets, max(in_window) AS max_in_window,
  min(created_at) AS first_at, max(created_at) AS last_at
FROM w
GROUP BY place_id, category
HAVING max(in_window) >= 3
ORDER BY max_in_window DESC, tickets DESC, place_id, category;

-- filter: every_part
WITH w AS (
  SELECT compound_id AS place_id, category, created_at,
    count(*) OVER (PARTITION BY compound_id, category ORDER BY created_at
      RANGE BETWEEN INTERVAL 90 DAY PRECEDING AND CURRENT ROW) AS in_window
  FROM ticket_facts
  WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed') AND NOT merged AND compound_id IS NOT NULL AND category IS NOT NULL
)
SELECT place_id, category, count(*) AS tickets, max(in_window) AS max_in_window,
  min(created_at) AS first_at, max(created_at) AS last_at
FROM w
GROUP BY place_id, category
HAVING max(in_window) >= 3
ORDER BY max_in_window DESC, tickets DESC, place_id, category;
