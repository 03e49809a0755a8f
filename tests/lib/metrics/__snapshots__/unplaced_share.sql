SELECT count(*) FILTER (WHERE (CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END) IS NOT NULL) AS unplaced, count(*) AS tickets,
  count(*) FILTER (WHERE (CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END) IS NOT NULL) / nullif(count(*), 0) AS share
FROM tickets