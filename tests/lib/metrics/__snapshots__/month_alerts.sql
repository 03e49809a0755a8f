WITH series AS (WITH reports AS NOT MATERIALIZED (
  SELECT CAST(created_at + INTERVAL 8 HOUR AS DATE) AS created_date, category, street_id, community_id, compound_id FROM tickets
  WHERE merged_into IS NULL
),
-- NULL: all categories; tickets without a category count there only.
daily_totals AS (
  SELECT created_date AS day, category, count(*) AS y
  FROM reports GROUP BY GROUPING SETS ((created_date), (created_date, category))
  HAVING grouping(category) = 1 OR category IS NOT NULL
),
today AS (
  SELECT max(day) AS today, min(day) AS first_day FROM daily_totals WHERE category IS NULL
),
judged AS (
  SELECT c.date AS day FROM calendar c, today t WHERE c.date BETWEEN DATE '2024-02-01' AND DATE '2024-02-29'
),
bounds AS (
  SELECT min(day) - 41 AS start_day, max(day) AS end_day FROM judged
),
history AS (
  SELECT c.date AS day, c.date - DATE '1970-01-01' AS n, CASE WHEN NOT is_workday AND holiday IS NOT NULL THEN 'holiday'
      WHEN NOT is_workday THEN 'rest'
      WHEN isodow(date) > 5 THEN 'makeup'
      ELSE CAST(isodow(date) AS VARCHAR) END AS kind, coalesce(d.y, 0) AS y
  FROM calendar c CROSS JOIN today t
  LEFT JOIN daily_totals d ON d.day = c.date AND d.category IS NULL
  WHERE c.date BETWEEN t.first_day AND t.today
),
-- Each day kind's volume relative to the mean day, over the whole history of the district.
day_factors AS (
  SELECT h.day, h.n, greatest(coalesce(k.f, 1), 0.05) AS f
  FROM history h
  JOIN (SELECT kind, avg(y) / nullif((SELECT avg(y) FROM history), 0) AS f FROM history GROUP BY kind) k USING (kind)
),
day_windows AS (
  SELECT day, n, f,
    sum(f) OVER (ORDER BY n RANGE BETWEEN 35 PRECEDING AND 8 PRECEDING) AS base_f,
    count(*) OVER (ORDER BY n RANGE BETWEEN 35 PRECEDING AND 8 PRECEDING) AS base_days,
    sum(f) OVER (ORDER BY n RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS week_f,
    sum(f) OVER (ORDER BY n RANGE BETWEEN 41 PRECEDING AND 14 PRECEDING) AS week_base_f,
    count(*) OVER (ORDER BY n RANGE BETWEEN 41 PRECEDING AND 14 PRECEDING) AS week_base_days,
    count(*) OVER (ORDER BY n RANGE BETWEEN 9 PRECEDING AND 3 PRECEDING) AS c2_days
  FROM day_factors
),
-- The district's tickets of each category (NULL: all) on every day, for the seasonal factor.
season_days AS (
  SELECT d.n, d.f, k.category, coalesce(t.y, 0) AS y
  FROM day_factors d CROSS JOIN (SELECT DISTINCT category FROM daily_totals) k
  LEFT JOIN daily_totals t ON t.day = d.day AND t.category IS NOT DISTINCT FROM k.category
),
season_windows AS (
  SELECT n, category,
    sum(y) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 3 PRECEDING AND 3 FOLLOWING) AS day_y, sum(f) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 3 PRECEDING AND 3 FOLLOWING) AS day_f,
    count(*) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 3 PRECEDING AND 3 FOLLOWING) AS day_days,
    sum(y) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 35 PRECEDING AND 8 PRECEDING) AS day_base_y, sum(f) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 35 PRECEDING AND 8 PRECEDING) AS day_base_f,
    count(*) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 35 PRECEDING AND 8 PRECEDING) AS day_base_days,
    sum(y) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS week_y, sum(f) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS week_f,
    sum(y) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 41 PRECEDING AND 14 PRECEDING) AS week_base_y,
    sum(f) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 41 PRECEDING AND 14 PRECEDING) AS week_base_f,
    count(*) OVER (PARTITION BY category ORDER BY n RANGE BETWEEN 41 PRECEDING AND 14 PRECEDING) AS week_base_days
  FROM season_days
),
-- The same dates one and two years before, where the history holds the whole windows. Not 52
-- weeks: seasons keep to dates (heating starts on a date, categories change with the month),
-- and the windows are counted per ordinary day, so their weekdays need not align.
season AS (
  SELECT j.day, s.category,
    (sum(s.day_y) FILTER (WHERE s.day_days = 7 AND s.day_base_days = 28) + 5)
      / (sum(s.day_base_y) FILTER (WHERE s.day_days = 7 AND s.day_base_days = 28) * sum(s.day_f) FILTER (WHERE s.day_days = 7 AND s.day_base_days = 28) / sum(s.day_base_f) FILTER (WHERE s.day_days = 7 AND s.day_base_days = 28) + 5) AS day_factor,
    (sum(s.week_y) FILTER (WHERE s.week_base_days = 28) + 5)
      / (sum(s.week_base_y) FILTER (WHERE s.week_base_days = 28) * sum(s.week_f) FILTER (WHERE s.week_base_days = 28) / sum(s.week_base_f) FILTER (WHERE s.week_base_days = 28) + 5)
      AS week_factor
  FROM judged j
  JOIN season_windows s ON s.n IN (
    CAST(j.day - INTERVAL 1 YEAR AS DATE) - DATE '1970-01-01', CAST(j.day - INTERVAL 2 YEAR AS DATE) - DATE '1970-01-01'
  )
  GROUP BY j.day, s.category
),
counts AS (
  SELECT created_date AS day,
    CASE WHEN grouping(compound_id) = 0 THEN 'compound' WHEN grouping(community_id) = 0 THEN 'community'
      WHEN grouping(street_id) = 0 THEN 'street' ELSE 'district' END AS level,
    coalesce(compound_id, community_id, street_id) AS place_id,
    grouping(category) = 0 AS by_category,
    category,
    count(*) AS y
  FROM reports, bounds
  WHERE created_date BETWEEN bounds.start_day AND bounds.end_day
  GROUP BY GROUPING SETS ((created_date), (created_date, category), (created_date, street_id), (created_date, street_id, category), (created_date, community_id), (created_date, community_id, category), (created_date, compound_id), (created_date, compound_id, category))
),
-- A series is a place (none for the district) and a category (none for all categories).
placed AS (
  SELECT level, place_id, category, day, y FROM counts
  WHERE (level = 'district' OR place_id IS NOT NULL) AND (NOT by_category OR category IS NOT NULL)
),
cells AS (
  SELECT level, place_id, category, day, sum(y) AS y FROM (
    SELECT * FROM placed
    UNION ALL
    SELECT s.level, s.place_id, s.category, j.day, 0
    FROM (SELECT DISTINCT level, place_id, category FROM placed) s CROSS JOIN judged j
  ) GROUP BY level, place_id, category, day
),
series_windows AS (
  SELECT c.level, c.place_id, c.category, c.day, d.n, c.y,
    sum(c.y) OVER (PARTITION BY level, place_id, category ORDER BY n RANGE BETWEEN 35 PRECEDING AND 8 PRECEDING) AS base_y,
    sum(c.y * c.y / d.f) OVER (PARTITION BY level, place_id, category ORDER BY n RANGE BETWEEN 35 PRECEDING AND 8 PRECEDING) AS base_y2f,
    sum(c.y) OVER (PARTITION BY level, place_id, category ORDER BY n RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS week_y,
    sum(c.y) OVER (PARTITION BY level, place_id, category ORDER BY n RANGE BETWEEN 41 PRECEDING AND 14 PRECEDING) AS week_base_y,
    sum(c.y * c.y / d.f) OVER (PARTITION BY level, place_id, category ORDER BY n RANGE BETWEEN 41 PRECEDING AND 14 PRECEDING) AS week_base_y2f,
    sum(c.y) OVER (PARTITION BY level, place_id, category ORDER BY n RANGE BETWEEN 9 PRECEDING AND 3 PRECEDING) AS c2_y,
    sum(c.y * c.y) OVER (PARTITION BY level, place_id, category ORDER BY n RANGE BETWEEN 9 PRECEDING AND 3 PRECEDING) AS c2_y2
  FROM cells c JOIN day_factors d USING (day)
),
judged_series AS (
  SELECT s.*, w.f, w.base_f, w.base_days, w.week_f, w.week_base_f, w.week_base_days, w.c2_days,
    coalesce(se.day_factor, 1) AS season_day, coalesce(se.week_factor, 1) AS season_week
  FROM series_windows s
  JOIN judged j USING (day)
  JOIN day_windows w USING (day)
  LEFT JOIN season se ON se.day = s.day AND se.category IS NOT DISTINCT FROM s.category
),
periods AS (
  SELECT 'day' AS grain, level, place_id, category, day, day AS period_start, y AS observed,
    coalesce(base_y, 0) AS base_y, base_y2f, base_f, base_days, f AS period_f, season_day AS season,
    coalesce(c2_y, 0) AS c2_y, coalesce(c2_y2, 0) AS c2_y2, c2_days
  FROM judged_series
  UNION ALL
  SELECT 'week', level, place_id, category, day, day - 6, week_y,
    coalesce(week_base_y, 0), week_base_y2f, week_base_f, week_base_days, week_f, season_week,
    0, 0, 0
  FROM judged_series
),
model AS (
  SELECT *,
    CASE WHEN base_days = 28 AND base_y >= 1 THEN 'nb'
      WHEN base_days = 28 THEN NULL
      WHEN grain = 'day' AND c2_days = 7 AND c2_y >= 1 THEN 'ears_c2' END AS method,
    CASE WHEN base_days = 28 AND base_y >= 1 THEN 'judged'
      WHEN base_days = 28 THEN 'too_small'
      WHEN grain = 'day' AND c2_days = 7 AND c2_y >= 1 THEN 'judged'
      WHEN grain = 'day' AND c2_days = 7 THEN 'too_small'
      ELSE 'too_short' END AS judgement
  FROM periods
),
fitted AS (
  SELECT *, row_number() OVER () AS id,
    CASE method WHEN 'nb' THEN mu WHEN 'ears_c2' THEN c2_mean END AS expected,
    CASE method WHEN 'nb' THEN (observed - mu) / sqrt(phi * mu)
      WHEN 'ears_c2' THEN (observed - c2_mean) / greatest(c2_sd, 0.5) END AS score,
    CASE WHEN method = 'nb' THEN 1.5 * (pow(observed, 2.0 / 3) - pow(mu, 2.0 / 3)) / (sqrt(phi) * pow(mu, 1.0 / 6))
      END AS z23
  FROM (
    SELECT *,
      CASE WHEN method = 'nb' THEN base_y / base_f * period_f * season END AS mu,
      -- Quasi-Poisson dispersion of the baseline, times 1 + mu / base_y for the level's own uncertainty.
      CASE WHEN method = 'nb' THEN greatest(1, (base_y2f / (base_y / base_f) - base_y) / (base_days - 1))
        * (1 + period_f * season / base_f) END AS phi,
      CASE WHEN method = 'ears_c2' THEN c2_y / 7.0 END AS c2_mean,
      CASE WHEN method = 'ears_c2' THEN sqrt(greatest(0, (c2_y2 - c2_y * c2_y / 7.0) / 6)) END AS c2_sd
    FROM model
  )
),
-- P(Y < observed) under the negative binomial of mean mu and variance phi · mu, term by term.
exact_tails AS (
  SELECT id, sum(exp(
    lgamma(k + r) - lgamma(r) - lgamma(k + 1) + r * ln(1 / phi) + k * ln(1 - 1 / phi)
  )) AS below
  FROM (
    SELECT id, phi, mu / (phi - 1) AS r, unnest(range(CAST(observed AS BIGINT))) AS k
    FROM fitted
    WHERE method = 'nb' AND observed > mu AND observed <= 100
  )
  GROUP BY id
),
tested AS (
  SELECT f.*,
    CASE WHEN f.method IS NULL THEN NULL
      WHEN f.observed <= f.expected THEN 1.0
      WHEN f.method = 'nb' AND f.observed <= 100 THEN least(1, greatest(0, 1 - e.below))
      WHEN f.method = 'nb' THEN CASE WHEN f.z23 >= 0 THEN 0.5 * ((1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (0.254829592 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (-0.284496736 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (1.421413741 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (-1.453152027 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * 1.061405429)))) * exp(-(abs(f.z23) / sqrt(2)) * (abs(f.z23) / sqrt(2)))) ELSE 1 - 0.5 * ((1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (0.254829592 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (-0.284496736 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (1.421413741 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * (-1.453152027 + (1 / (1 + 0.3275911 * (abs(f.z23) / sqrt(2)))) * 1.061405429)))) * exp(-(abs(f.z23) / sqrt(2)) * (abs(f.z23) / sqrt(2)))) END
      ELSE CASE WHEN f.score >= 0 THEN 0.5 * ((1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (0.254829592 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (-0.284496736 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (1.421413741 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (-1.453152027 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * 1.061405429)))) * exp(-(abs(f.score) / sqrt(2)) * (abs(f.score) / sqrt(2)))) ELSE 1 - 0.5 * ((1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (0.254829592 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (-0.284496736 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (1.421413741 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * (-1.453152027 + (1 / (1 + 0.3275911 * (abs(f.score) / sqrt(2)))) * 1.061405429)))) * exp(-(abs(f.score) / sqrt(2)) * (abs(f.score) / sqrt(2)))) END END AS p_value,
    CASE f.method
      WHEN 'nb' THEN f.mu * pow(1 + 2.0 / 3 * 1.96 * sqrt(f.phi / f.mu), 1.5)
      WHEN 'ears_c2' THEN f.c2_mean + 3 * greatest(f.c2_sd, 0.5) END AS upper
  FROM fitted f
  LEFT JOIN exact_tails e USING (id)
),
-- Each level's share of the day's tests, for the weights below.
level_tests AS (
  SELECT day, level, count(p_value) AS m_level FROM tested GROUP BY day, level HAVING count(p_value) > 0
),
weights AS (
  SELECT day, level, m, m / (levels * m_level) AS weight FROM (
    SELECT *, sum(m_level) OVER (PARTITION BY day) AS m, count(*) OVER (PARTITION BY day) AS levels FROM level_tests
  )
),
-- Weighted Benjamini–Hochberg over the series judged on each day (those with a p-value); the rest keep a null q-value.
adjusted AS (
  SELECT *,
    CASE WHEN p_value IS NOT NULL THEN least(1, min(p_value / weight * m / rank) OVER (PARTITION BY day, p_value IS NULL
      ORDER BY p_value / weight DESC, rank DESC ROWS UNBOUNDED PRECEDING)) END AS q_value
  FROM (
    SELECT t.*, w.m, w.weight,
      row_number() OVER (PARTITION BY t.day, t.p_value IS NULL
        ORDER BY t.p_value / w.weight, t.level, t.place_id, t.category, t.grain) AS rank
    FROM tested t LEFT JOIN weights w USING (day, level)
  )
)
SELECT s.grain, s.level,
  CASE WHEN s.level = 'district' THEN (SELECT min(place_id) FROM places WHERE level = 'district') ELSE s.place_id END
    AS place_id,
  s.category, s.day, s.period_start, s.observed, s.expected, s.upper, s.phi, s.score,
  s.p_value, s.q_value, s.method, s.judgement,
  coalesce(s.q_value <= 0.05 AND s.observed > s.expected, false) AS alert
FROM adjusted s
ORDER BY s.day, s.grain, s.level, place_id, s.category),
alerted AS (
  SELECT level, place_id, category, min(day) AS first_alert, count(DISTINCT day) AS alert_days,
    min(period_start) AS window_start, max(day) AS window_end,
    arg_max(observed, score) AS observed, arg_max(expected, score) AS expected
  FROM series WHERE alert
  GROUP BY level, place_id, category
),
outcome AS (
  SELECT a.level, a.place_id, a.category, count(f.ticket_id) AS alert_tickets,
    count(f.ticket_id) FILTER (WHERE f.status = 'closed') AS alert_closed,
    count(f.ticket_id) FILTER (WHERE f.on_time) / nullif(count(f.on_time), 0) AS on_time_rate
  FROM alerted a
  LEFT JOIN ticket_facts f ON NOT f.merged AND f.created_date BETWEEN a.window_start AND a.window_end
    AND (a.category IS NULL OR f.category = a.category)
    AND CASE a.level WHEN 'street' THEN f.street_id = a.place_id WHEN 'community' THEN f.community_id = a.place_id
      WHEN 'compound' THEN f.compound_id = a.place_id ELSE true END
  GROUP BY a.level, a.place_id, a.category
)
SELECT a.level, a.place_id, p.name, a.category, a.first_alert, a.alert_days, a.observed, a.expected,
  o.alert_tickets, o.alert_closed, o.on_time_rate
FROM alerted a
JOIN outcome o ON o.level = a.level AND o.place_id IS NOT DISTINCT FROM a.place_id
  AND o.category IS NOT DISTINCT FROM a.category
LEFT JOIN places p ON p.place_id = a.place_id
ORDER BY a.first_alert, a.level, a.place_id, a.category