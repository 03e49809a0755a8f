-- filter: none
WITH compounds AS (SELECT c.place_id AS compound_id, c.name, c.street_id, c.community_id,
    CASE WHEN g.level = 'grid' THEN g.place_id END AS grid_id, c.households
  FROM places c LEFT JOIN places g ON g.place_id = c.parent_id
  WHERE c.level = 'compound'),
building_cover AS (
  SELECT b.compound_id, count(*) AS buildings,
    count(*) FILTER (WHERE b.building_id IN (SELECT building_id FROM group_buildings)) AS buildings_with_group,
    sum(least(coalesce(l.linked, 0), coalesce(b.households, 0))) AS households_linked
  FROM buildings b
  LEFT JOIN (SELECT building_id, sum(households_linked) AS linked FROM member_households GROUP BY building_id) l
    ON l.building_id = b.building_id
  GROUP BY b.compound_id
),
per_compound AS (
  SELECT c.compound_id, c.name, c.street_id, c.community_id, c.grid_id,
    1 AS compounds,
    CASE WHEN c.compound_id IN (SELECT compound_id FROM branch_compounds) THEN 1 ELSE 0 END AS compounds_with_branch,
    coalesce(bc.buildings, 0) AS buildings,
    coalesce(bc.buildings_with_group, 0) AS buildings_with_group,
    c.households,
    coalesce(bc.households_linked, 0) AS households_linked,
    coalesce(m.members, 0) AS members
  FROM compounds c
  LEFT JOIN building_cover bc ON bc.compound_id = c.compound_id
  LEFT JOIN (SELECT compound_id, sum(members) AS members FROM compound_members GROUP BY compound_id) m
    ON m.compound_id = c.compound_id
),
ticket_counts AS (
  SELECT compound_id, count(*) AS tickets
  FROM ticket_facts
  WHERE TRUE
  GROUP BY compound_id
),
scored AS (
  SELECT pc.*, coalesce(t.tickets, 0) AS tickets,
    (1000.0 * coalesce(t.tickets, 0)) / nullif(pc.households, 0) AS ticket_rate,
    (buildings_with_group) / nullif(buildings, 0) AS coverage
  FROM per_compound pc LEFT JOIN ticket_counts t ON t.compound_id = pc.compound_id
),
thresholds AS (
  SELECT quantile_cont(ticket_rate, 0.75) AS ticket_rate_q3, quantile_cont(coverage, 0.5) AS coverage_median
  FROM scored
)
SELECT compound_id, name, street_id, community_id, tickets, households, ticket_rate, coverage,
  'buildings_with_group_share' AS coverage_measure, ticket_rate_q3, coverage_median
FROM scored CROSS JOIN thresholds
WHERE ticket_rate >= ticket_rate_q3 AND coverage < coverage_median AND TRUE
ORDER BY ticket_rate DESC, compound_id;

-- filter: every_part
WITH compounds AS (SELECT c.place_id AS compound_id, c.name, c.street_id, c.community_id,
    CASE WHEN g.level = 'grid' THEN g.place_id END AS grid_id, c.households
  FROM places c LEFT JOIN places g ON g.place_id = c.parent_id
  WHERE c.level = 'compound'),
building_cover AS (
  SELECT b.compound_id, count(*) AS buildings,
    count(*) FILTER (WHERE b.building_id IN (SELECT building_id FROM group_buildings)) AS buildings_with_group,
    sum(least(coalesce(l.linked, 0), coalesce(b.households, 0))) AS households_linked
  FROM buildings b
  LEFT JOIN (SELECT building_id, sum(households_linked) AS linked FROM member_households GROUP BY building_id) l
    ON l.building_id = b.building_id
  GROUP BY b.compound_id
),
per_compound AS (
  SELECT c.compound_id, c.name, c.street_id, c.community_id, c.grid_id,
    1 AS compounds,
    CASE WHEN c.compound_id IN (SELECT compound_id FROM branch_compounds) THEN 1 ELSE 0 END AS compounds_with_branch,
    coalesce(bc.buildings, 0) AS buildings,
    coalesce(bc.buildings_with_group, 0) AS buildings_with_group,
    c.households,
    coalesce(bc.households_linked, 0) AS households_linked,
    coalesce(m.members, 0) AS members
  FROM compounds c
  LEFT JOIN building_cover bc ON bc.compound_id = c.compound_id
  LEFT JOIN (SELECT compound_id, sum(members) AS members FROM compound_members GROUP BY compound_id) m
    ON m.compound_id = c.compound_id
),
ticket_counts AS (
  SELECT compound_id, count(*) AS tickets
  FROM ticket_facts
  WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  GROUP BY compound_id
),
scored AS (
  SELECT pc.*, coalesce(t.tickets, 0) AS tickets,
    (1000.0 * coalesce(t.tickets, 0)) / nullif(pc.households, 0) AS ticket_rate,
    (buildings_with_group) / nullif(buildings, 0) AS coverage
  FROM per_compound pc LEFT JOIN ticket_counts t ON t.compound_id = pc.compound_id
),
thresholds AS (
  SELECT quantile_cont(ticket_rate, 0.75) AS ticket_rate_q3, quantile_cont(coverage, 0.5) AS coverage_median
  FROM scored
)
SELECT compound_id, name, street_id, community_id, tickets, households, ticket_rate, coverage,
  'buildings_with_group_share' AS coverage_measure, ticket_rate_q3, coverage_median
FROM scored CROSS JOIN thresholds
WHERE ticket_rate >= ticket_rate_q3 AND coverage < coverage_median AND street_id IN ('S1')
ORDER BY ticket_rate DESC, compound_id;
