-- filter: none
WITH counts AS (
  SELECT building_id AS id, count(*) AS tickets FROM tickets WHERE TRUE GROUP BY ALL
)
SELECT u.building_id AS id, u.lon, u.lat, coalesce(c.tickets, 0) AS tickets
FROM buildings u LEFT JOIN counts c ON c.id = u.building_id
WHERE true AND u.lon IS NOT NULL AND u.lat IS NOT NULL
ORDER BY id;

-- filter: every_part
WITH counts AS (
  SELECT building_id AS id, count(*) AS tickets FROM tickets WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed') GROUP BY ALL
)
SELECT u.building_id AS id, u.lon, u.lat, coalesce(c.tickets, 0) AS tickets
FROM buildings u LEFT JOIN counts c ON c.id = u.building_id
WHERE true AND u.lon IS NOT NULL AND u.lat IS NOT NULL
ORDER BY id;
