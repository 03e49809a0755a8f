-- filter: none
WITH handled AS NOT MATERIALIZED (
  SELECT ticket_id, created_at, CAST(created_at + INTERVAL 8 HOUR AS DATE) AS created_date, closed_at, status, kind,
    source, category, street_id, community_id, grid_id, compound_id, building_id,
    CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM tickets
  WHERE merged_into IS NULL AND category IS NOT NULL AND compound_id IS NOT NULL
),
closings AS (
  SELECT level, place_id, category, ticket_id AS previous_id, closed_at AS previous_closed_at
  FROM handled WHERE status = 'closed' AND closed_at IS NOT NULL
),
links AS MATERIALIZED (
  SELECT h.*, c.previous_id, c.previous_closed_at,
    c.previous_id IS NOT NULL AND h.created_at <= c.previous_closed_at + INTERVAL 30 DAY
      AS recurrence,
    -- A number for each ticket, so that the doubling's rounds join integers rather than ids.
    CAST(row_number() OVER () AS INTEGER) AS link_id
  FROM handled h
  ASOF LEFT JOIN closings c
    ON c.level = h.level AND c.place_id = h.place_id AND c.category = h.category
    AND h.created_at > c.previous_closed_at
),
recurred AS (SELECT DISTINCT previous_id AS ticket_id FROM links WHERE recurrence)
SELECT f.building_id AS place_id, count(*) AS closed, count(r.ticket_id) AS recurred,
  count(r.ticket_id) / count(*) AS recurrence_rate
FROM (SELECT * FROM ticket_facts WHERE TRUE) f
LEFT JOIN recurred r USING (ticket_id)
WHERE NOT f.merged AND f.status = 'closed' AND f.category IS NOT NULL AND f.building_id IS NOT NULL
GROUP BY f.building_id
ORDER BY recurrence_rate DESC, recurred DESC, place_id;

-- filter: every_part
WITH handled AS NOT MATERIALIZED (
  SELECT ticket_id, created_at, CAST(created_at + INTERVAL 8 HOUR AS DATE) AS created_date, closed_at, status, kind,
    source, category, street_id, community_id, grid_id, compound_id, building_id,
    CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM tickets
  WHERE merged_into IS NULL AND category IS NOT NULL AND compound_id IS NOT NULL
),
closings AS (
  SELECT level, place_id, category, ticket_id AS previous_id, closed_at AS previous_closed_at
  FROM handled WHERE status = 'closed' AND closed_at IS NOT NULL
),
links AS MATERIALIZED (
  SELECT h.*, c.previous_id, c.previous_closed_at,
    c.previous_id IS NOT NULL AND h.created_at <= c.previous_closed_at + INTERVAL 30 DAY
      AS recurrence,
    -- A number for each ticket, so that the doubling's rounds join integers rather than ids.
    CAST(row_number() OVER () AS INTEGER) AS link_id
  FROM handled h
  ASOF LEFT JOIN closings c
    ON c.level = h.level AND c.place_id = h.place_id AND c.category = h.category
    AND h.created_at > c.previous_closed_at
),
recurred AS (SELECT DISTINCT previous_id AS ticket_id FROM links WHERE recurrence)
SELECT f.building_id AS place_id, count(*) AS closed, count(r.ticket_id) AS recurred,
  count(r.ticket_id) / count(*) AS recurrence_rate
FROM (SELECT * FROM ticket_facts WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')) f
LEFT JOIN recurred r USING (ticket_id)
WHERE NOT f.merged AND f.status = 'closed' AND f.category IS NOT NULL AND f.building_id IS NOT NULL
GROUP BY f.building_id
ORDER BY recurrence_rate DESC, recurred DESC, place_id;
