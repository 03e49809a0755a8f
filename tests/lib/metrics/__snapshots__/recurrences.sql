-- filter: none
WITH RECURSIVE handled AS (
  SELECT ticket_id, created_at, created_date, closed_at, status, kind, source, category, street_id, community_id,
    grid_id, compound_id, building_id, CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM ticket_facts
  WHERE NOT merged AND category IS NOT NULL AND compound_id IS NOT NULL
),
closings AS (
  SELECT level, place_id, category, ticket_id AS previous_id, closed_at AS previous_closed_at
  FROM handled WHERE status = 'closed' AND closed_at IS NOT NULL
),
links AS (
  SELECT h.*, c.previous_id, c.previous_closed_at,
    c.previous_id IS NOT NULL AND h.created_at <= c.previous_closed_at + INTERVAL 30 DAY
      AS recurrence
  FROM handled h
  ASOF LEFT JOIN closings c
    ON c.level = h.level AND c.place_id = h.place_id AND c.category = h.category
    AND h.created_at > c.previous_closed_at
),
chains AS (
  SELECT ticket_id, ticket_id AS chain_id, 0 AS position FROM links WHERE NOT recurrence
  UNION ALL
  SELECT l.ticket_id, c.chain_id, c.position + 1
  FROM links l JOIN chains c ON l.previous_id = c.ticket_id
  WHERE l.recurrence
)
SELECT * FROM (
  SELECT l.* EXCLUDE (recurrence, closed_at),
    (epoch_ms(l.created_at) - epoch_ms(l.previous_closed_at)) / 86400000.0 AS days_after_closing,
    c.chain_id, c.position
  FROM links l
  JOIN chains c USING (ticket_id)
  WHERE l.recurrence
)
WHERE TRUE
ORDER BY created_at, ticket_id;

-- filter: every_part
WITH RECURSIVE handled AS (
  SELECT ticket_id, created_at, created_date, closed_at, status, kind, source, category, street_id, community_id,
    grid_id, compound_id, building_id, CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM ticket_facts
  WHERE NOT merged AND category IS NOT NULL AND compound_id IS NOT NULL
),
closings AS (
  SELECT level, place_id, category, ticket_id AS previous_id, closed_at AS previous_closed_at
  FROM handled WHERE status = 'closed' AND closed_at IS NOT NULL
),
links AS (
  SELECT h.*, c.previous_id, c.previous_closed_at,
    c.previous_id IS NOT NULL AND h.created_at <= c.previous_closed_at + INTERVAL 30 DAY
      AS recurrence
  FROM handled h
  ASOF LEFT JOIN closings c
    ON c.level = h.level AND c.place_id = h.place_id AND c.category = h.category
    AND h.created_at > c.previous_closed_at
),
chains AS (
  SELECT ticket_id, ticket_id AS chain_id, 0 AS position FROM links WHERE NOT recurrence
  UNION ALL
  SELECT l.ticket_id, c.chain_id, c.position + 1
  FROM links l JOIN chains c ON l.previous_id = c.ticket_id
  WHERE l.recurrence
)
SELECT * FROM (
  SELECT l.* EXCLUDE (recurrence, closed_at),
    (epoch_ms(l.created_at) - epoch_ms(l.previous_closed_at)) / 86400000.0 AS days_after_closing,
    c.chain_id, c.position
  FROM links l
  JOIN chains c USING (ticket_id)
  WHERE l.recurrence
)
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
ORDER BY created_at, ticket_id;
