WITH listed AS (SELECT ticket_id, created_at, address, lon, lat, street_id, community_id
FROM tickets
WHERE CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END = 'address_not_matched'
ORDER BY created_at DESC, ticket_id
LIMIT 500),
texts AS (
  SELECT place_id, name, parent_id, name AS text FROM places WHERE level = 'compound' AND name IS NOT NULL
  UNION ALL
  SELECT place_id, name, parent_id, unnest(string_split(aliases, '|')) FROM places
  WHERE level = 'compound' AND name IS NOT NULL AND aliases IS NOT NULL),
pairs AS (
  SELECT place_id, name, parent_id, text, substr(text, i + 1, 2) AS pair
  FROM (SELECT *, unnest(range(greatest(length(text) - 1, 1))) AS i FROM texts WHERE length(text) > 0)),
scored AS (
  SELECT l.ticket_id, p.place_id, p.name,
    count(*) FILTER (WHERE contains(l.address, p.pair)) / count(*) AS score,
    jaro_winkler_similarity(p.text, l.address) AS closeness
  FROM listed l JOIN pairs p ON l.community_id IS NULL OR p.parent_id = l.community_id
  WHERE l.address IS NOT NULL
  GROUP BY l.ticket_id, l.address, p.place_id, p.name, p.text
  HAVING score >= 0.5
  QUALIFY row_number() OVER (PARTITION BY l.ticket_id, p.place_id ORDER BY score DESC, closeness DESC) = 1)
SELECT ticket_id, place_id, name, score FROM scored
QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY score DESC, closeness DESC, place_id) <= 3
ORDER BY ticket_id, score DESC, closeness DESC, place_id