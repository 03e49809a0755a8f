-- filter: none
WITH c AS (SELECT
  street_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  count(*) AS tickets
FROM ticket_facts
WHERE TRUE
GROUP BY place_id, period
ORDER BY place_id, period),
h AS (SELECT street_id AS place_id, sum(households) AS households
  FROM (SELECT c.place_id AS compound_id, c.name, c.street_id, c.community_id,
    CASE WHEN g.level = 'grid' THEN g.place_id END AS grid_id, c.households
  FROM places c LEFT JOIN places g ON g.place_id = c.parent_id
  WHERE c.level = 'compound') h
  WHERE TRUE
  GROUP BY place_id)
SELECT c.*, h.households, (1000.0 * c.tickets) / nullif(h.households, 0) AS per_1000_households,
  coalesce(p.tickets, 0) AS previous,
  c.tickets - coalesce(p.tickets, 0) AS change,
  (c.tickets - p.tickets) / nullif(p.tickets, 0) AS change_rate
FROM c
LEFT JOIN h ON h.place_id = c.place_id
LEFT JOIN c p ON p.period = c.period - INTERVAL 1 MONTH AND p.place_id IS NOT DISTINCT FROM c.place_id
WHERE TRUE
ORDER BY c.place_id, c.period;

-- filter: every_part
WITH c AS (SELECT
  street_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  count(*) AS tickets
FROM ticket_facts
WHERE created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  AND created_at >= TIMESTAMP '2023-12-31 16:00:00.000' - INTERVAL 1 MONTH
GROUP BY place_id, period
ORDER BY place_id, period),
h AS (SELECT street_id AS place_id, sum(households) AS households
  FROM (SELECT c.place_id AS compound_id, c.name, c.street_id, c.community_id,
    CASE WHEN g.level = 'grid' THEN g.place_id END AS grid_id, c.households
  FROM places c LEFT JOIN places g ON g.place_id = c.parent_id
  WHERE c.level = 'compound') h
  WHERE street_id IN ('S1')
  GROUP BY place_id)
SELECT c.*, h.households, (1000.0 * c.tickets) / nullif(h.households, 0) AS per_1000_households,
  coalesce(p.tickets, 0) AS previous,
  c.tickets - coalesce(p.tickets, 0) AS change,
  (c.tickets - p.tickets) / nullif(p.tickets, 0) AS change_rate
FROM c
LEFT JOIN h ON h.place_id = c.place_id
LEFT JOIN c p ON p.period = c.period - INTERVAL 1 MONTH AND p.place_id IS NOT DISTINCT FROM c.place_id
WHERE c.period >= CAST(date_trunc('month', CAST(TIMESTAMP '2023-12-31 16:00:00.000' + INTERVAL 8 HOUR AS DATE)) AS DATE)
ORDER BY c.place_id, c.period;
