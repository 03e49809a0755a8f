WITH as_of AS (SELECT max(created_at) AS as_of FROM tickets)
SELECT
  count(*) AS tickets_total,
  count(*) FILTER (WHERE status = 'open') AS open,
  count(*) FILTER (WHERE created_at > (SELECT as_of FROM as_of) - INTERVAL 30 DAY) AS tickets_30d,
  (SELECT satisfaction_rate FROM (SELECT
  count(*) FILTER (WHERE callback_result IN ('satisfied', 'basic')) AS satisfied,
  count(callback_result) AS rated,
  (count(*) FILTER (WHERE callback_result IN ('satisfied', 'basic'))) / nullif(count(callback_result), 0) AS satisfaction_rate
FROM ticket_facts
WHERE NOT merged) s) AS satisfaction,
  (SELECT count(*) FROM places WHERE level = 'compound') AS compounds,
  (SELECT count(*) FROM buildings) AS buildings,
  (SELECT share FROM (SELECT count(*) FILTER (WHERE (CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END) IS NOT NULL) AS unplaced, count(*) AS tickets,
  count(*) FILTER (WHERE (CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END) IS NOT NULL) / nullif(count(*), 0) AS share
FROM tickets) u) AS unplaced_share
FROM tickets