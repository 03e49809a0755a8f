WITH listed AS (SELECT ticket_id, created_at, address, lon, lat, street_id, community_id
FROM tickets
WHERE CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END = 'outside_compounds'
ORDER BY created_at DESC, ticket_id
LIMIT 500)
SELECT l.ticket_id, p.place_id, p.name,
  round(6371008.8 * sqrt(pow(radians(p.lat - l.lat), 2)
    + pow(radians(p.lon - l.lon) * cos(radians(l.lat)), 2))) AS metres
FROM listed l JOIN places p ON p.level = 'compound' AND p.lon IS NOT NULL AND p.lat IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY l.ticket_id ORDER BY metres, p.place_id) <= 3
ORDER BY l.ticket_id, metres, p.place_id