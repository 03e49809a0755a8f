-- filter: none
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) FILTER (WHERE resolved_level = 'building') AS at_building,
  count(*) FILTER (WHERE resolved_level = 'compound') AS at_compound,
  count(*) FILTER (WHERE resolved_level = 'community') AS at_community,
  count(*) FILTER (WHERE resolved_level = 'street') AS at_street,
  count(*) FILTER (WHERE resolved_level = 'district') AS at_district,
  count(resolved_level) AS resolved,
  count(*) FILTER (WHERE resolved_level IN ('building', 'compound')) AS within_compound,
  (count(*) FILTER (WHERE resolved_level IN ('building', 'compound'))) / nullif(count(resolved_level), 0) AS within_compound_share
FROM ticket_facts
WHERE NOT merged
  AND status = 'closed'
GROUP BY place_id, period, category
ORDER BY place_id, period, category;

-- filter: every_part
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) FILTER (WHERE resolved_level = 'building') AS at_building,
  count(*) FILTER (WHERE resolved_level = 'compound') AS at_compound,
  count(*) FILTER (WHERE resolved_level = 'community') AS at_community,
  count(*) FILTER (WHERE resolved_level = 'street') AS at_street,
  count(*) FILTER (WHERE resolved_level = 'district') AS at_district,
  count(resolved_level) AS resolved,
  count(*) FILTER (WHERE resolved_level IN ('building', 'compound')) AS within_compound,
  (count(*) FILTER (WHERE resolved_level IN ('building', 'compound'))) / nullif(count(resolved_level), 0) AS within_compound_share
FROM ticket_facts
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  AND NOT merged
  AND status = 'closed'
GROUP BY place_id, period, category
ORDER BY place_id, period, category;
