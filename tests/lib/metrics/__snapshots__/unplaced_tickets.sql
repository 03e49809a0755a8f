SELECT ticket_id, created_at, address, lon, lat, street_id, community_id
FROM tickets
WHERE CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END = 'outside_compounds'
ORDER BY created_at DESC, ticket_id
LIMIT 500