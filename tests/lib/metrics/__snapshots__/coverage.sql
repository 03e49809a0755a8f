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
sums AS (
  SELECT community_id AS place_id,
    sum(compounds) AS compounds,
    sum(compounds_with_branch) AS compounds_with_branch,
    sum(buildings) AS buildings,
    sum(buildings_with_group) AS buildings_with_group,
    sum(households) AS households,
    sum(households_linked) AS households_linked,
    sum(members) AS members
  FROM per_compound
  WHERE TRUE
  GROUP BY place_id
)
SELECT *, (compounds_with_branch) / nullif(compounds, 0) AS compounds_with_branch_share,
  (buildings_with_group) / nullif(buildings, 0) AS buildings_with_group_share,
  (households_linked) / nullif(households, 0) AS households_linked_share,
  (100.0 * members) / nullif(households, 0) AS members_per_100_households
FROM sums
ORDER BY place_id;

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
sums AS (
  SELECT community_id AS place_id,
    sum(compounds) AS compounds,
    sum(compounds_with_branch) AS compounds_with_branch,
    sum(buildings) AS buildings,
    sum(buildings_with_group) AS buildings_with_group,
    sum(households) AS households,
    sum(households_linked) AS households_linked,
    sum(members) AS members
  FROM per_compound
  WHERE street_id IN ('S1')
  GROUP BY place_id
)
SELECT *, (compounds_with_branch) / nullif(compounds, 0) AS compounds_with_branch_share,
  (buildings_with_group) / nullif(buildings, 0) AS buildings_with_group_share,
  (households_linked) / nullif(households, 0) AS households_linked_share,
  (100.0 * members) / nullif(households, 0) AS members_per_100_households
FROM sums
ORDER BY place_id;
