WITH reasons AS (SELECT CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END AS reason FROM tickets),
all_reasons(reason, ord) AS (VALUES ('address_not_matched', 0), ('outside_compounds', 1), ('outside_district', 2))
SELECT a.reason, count(r.reason) AS tickets,
  count(r.reason) / nullif((SELECT count(*) FROM tickets), 0) AS share
FROM all_reasons a LEFT JOIN reasons r ON r.reason = a.reason
GROUP BY a.reason, a.ord
ORDER BY a.ord