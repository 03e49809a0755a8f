-- filter: none
SELECT community_id AS place_id, sum(households) AS households
  FROM (SELECT c.place_id AS compound_id, c.name, c.street_id, c.community_id,
    CASE WHEN g.level = 'grid' THEN g.place_id END AS grid_id, c.households
  FROM places c LEFT JOIN places g ON g.place_id = c.parent_id
  WHERE c.level = 'compound') h
  WHERE TRUE
  GROUP BY place_id;

-- filter: every_part
SELECT community_id AS place_id, sum(households) AS households
  FROM (SELECT c.place_id AS compound_id, c.name, c.street_id, c.community_id,
    CASE WHEN g.level = 'grid' THEN g.place_id END AS grid_id, c.households
  FROM places c LEFT JOIN places g ON g.place_id = c.parent_id
  WHERE c.level = 'compound') h
  WHERE street_id IN ('S1')
  GROUP BY place_id;
