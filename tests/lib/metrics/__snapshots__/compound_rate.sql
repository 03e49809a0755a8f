WITH counts AS (SELECT compound_id, count(*) AS tickets FROM tickets GROUP BY compound_id)
SELECT p.place_id, p.name, p.lon, p.lat, p.households, p.geometry,
  coalesce(c.tickets, 0) AS tickets,
  1000.0 * coalesce(c.tickets, 0) / nullif(p.households, 0) AS value
FROM places p LEFT JOIN counts c ON c.compound_id = p.place_id
WHERE p.level = 'compound'
ORDER BY p.place_id