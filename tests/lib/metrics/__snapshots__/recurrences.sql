-- filter: none
WITH RECURSIVE handled AS NOT MATERIALIZED (
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
parents AS MATERIALIZED (
  SELECT l.link_id, l.recurrence, p.link_id AS parent FROM links l LEFT JOIN links p ON p.ticket_id = l.previous_id
),
-- top: the furthest ancestor known, steps links away; rooted once top is a ticket that recurred after nothing.
chains(link_id, top, steps, rooted) USING KEY (link_id) AS (
  SELECT link_id, CASE WHEN recurrence THEN parent ELSE link_id END, CASE WHEN recurrence THEN 1 ELSE 0 END,
    NOT recurrence
  FROM parents
  UNION
  SELECT c.link_id, a.top, c.steps + a.steps, a.rooted
  FROM chains c JOIN recurring.chains a ON a.link_id = c.top
  WHERE NOT c.rooted AND c.steps < 1073741824 AND a.steps < 1073741824
)
SELECT * FROM (
SELECT l.* EXCLUDE (recurrence, closed_at, link_id),
  (epoch_ms(l.created_at) - epoch_ms(l.previous_closed_at)) / 86400000.0 AS days_after_closing,
  root.ticket_id AS chain_id, c.steps AS position
FROM (SELECT * FROM links WHERE recurrence AND TRUE) l
JOIN chains c USING (link_id)
JOIN links root ON root.link_id = c.top
WHERE c.rooted
)
ORDER BY created_at, ticket_id;

-- filter: every_part
WITH RECURSIVE handled AS NOT MATERIALIZED (
  SELECT ticket_id, created_at, CAST(created_at + INTERVAL 8 HOUR AS DATE) AS created_date, closed_at, status, kind,
    source, category, street_id, community_id, grid_id, compound_id, building_id,
    CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM tickets
  WHERE merged_into IS NULL AND category IS NOT NULL AND compound_id IS NOT NULL
),
wanted AS (SELECT DISTINCT level, place_id, category FROM handled WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')),
pruned AS NOT MATERIALIZED (SELECT * FROM handled SEMI JOIN wanted USING (level, place_id, category)),
closings AS (
  SELECT level, place_id, category, ticket_id AS previous_id, closed_at AS previous_closed_at
  FROM pruned WHERE status = 'closed' AND closed_at IS NOT NULL
),
links AS MATERIALIZED (
  SELECT h.*, c.previous_id, c.previous_closed_at,
    c.previous_id IS NOT NULL AND h.created_at <= c.previous_closed_at + INTERVAL 30 DAY
      AS recurrence,
    -- A number for each ticket, so that the doubling's rounds join integers rather than ids.
    CAST(row_number() OVER () AS INTEGER) AS link_id
  FROM pruned h
  ASOF LEFT JOIN closings c
    ON c.level = h.level AND c.place_id = h.place_id AND c.category = h.category
    AND h.created_at > c.previous_closed_at
),
parents AS MATERIALIZED (
  SELECT l.link_id, l.recurrence, p.link_id AS parent FROM links l LEFT JOIN links p ON p.ticket_id = l.previous_id
),
-- top: the furthest ancestor known, steps links away; rooted once top is a ticket that recurred after nothing.
chains(link_id, top, steps, rooted) USING KEY (link_id) AS (
  SELECT link_id, CASE WHEN recurrence THEN parent ELSE link_id END, CASE WHEN recurrence THEN 1 ELSE 0 END,
    NOT recurrence
  FROM parents
  UNION
  SELECT c.link_id, a.top, c.steps + a.steps, a.rooted
  FROM chains c JOIN recurring.chains a ON a.link_id = c.top
  WHERE NOT c.rooted AND c.steps < 1073741824 AND a.steps < 1073741824
)
SELECT * FROM (
SELECT l.* EXCLUDE (recurrence, closed_at, link_id),
  (epoch_ms(l.created_at) - epoch_ms(l.previous_closed_at)) / 86400000.0 AS days_after_closing,
  root.ticket_id AS chain_id, c.steps AS position
FROM (SELECT * FROM links WHERE recurrence AND created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')) l
JOIN chains c USING (link_id)
JOIN links root ON root.link_id = c.top
WHERE c.rooted
)
ORDER BY created_at, ticket_id;
