SELECT 'surge' AS alert_kind, level, place_id, category, grain, period_start,
  CAST(observed AS DOUBLE) AS observed, expected, upper, score, p_value, q_value,
  CAST(NULL AS DOUBLE) AS probability, CAST(NULL AS VARCHAR) AS ticket_id, CAST(NULL AS VARCHAR) AS related_ticket_id
FROM (WITH reports AS NOT MATERIALIZED (
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
  SELECT c.date AS day FROM calendar c, today t WHERE c.date BETWEEN t.today - 6 AND t.today
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
ORDER BY s.day, s.grain, s.level, place_id, s.category) WHERE alert
UNION ALL
SELECT 'recurrence', level, place_id, category, NULL, created_date,
  position, NULL, NULL, days_after_closing, NULL, NULL, NULL, ticket_id, previous_id
FROM (WITH RECURSIVE handled AS NOT MATERIALIZED (
  SELECT ticket_id, created_at, CAST(created_at + INTERVAL 8 HOUR AS DATE) AS created_date, closed_at, status, kind,
    source, category, street_id, community_id, grid_id, compound_id, building_id,
    CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END AS level,
    coalesce(building_id, compound_id) AS place_id
  FROM tickets
  WHERE merged_into IS NULL AND category IS NOT NULL AND compound_id IS NOT NULL
),
wanted AS (SELECT DISTINCT level, place_id, category FROM handled WHERE created_date > (SELECT max(CAST(created_at + INTERVAL 8 HOUR AS DATE)) FROM tickets) - 7),
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
FROM (SELECT * FROM links WHERE recurrence AND created_date > (SELECT max(CAST(created_at + INTERVAL 8 HOUR AS DATE)) FROM tickets) - 7) l
JOIN chains c USING (link_id)
JOIN links root ON root.link_id = c.top
WHERE c.rooted
)
ORDER BY created_at, ticket_id)
UNION ALL
SELECT 'deadline_risk', CASE WHEN building_id IS NOT NULL THEN 'building' ELSE 'compound' END,
  coalesce(building_id, compound_id), category, NULL,
  CAST(due_at - INTERVAL 1 MILLISECOND + INTERVAL 8 HOUR AS DATE),
  age_workdays, allowed_workdays, NULL, NULL, NULL, NULL, probability, ticket_id, NULL
FROM (WITH cut AS (
  SELECT c.date AS cut_date, c.workday_seq AS cut_seq, (SELECT max(workday_seq) FROM calendar) AS last_seq
  FROM calendar c WHERE c.date = (SELECT max(CAST(created_at + INTERVAL 8 HOUR AS DATE)) FROM tickets)
),
received AS (
  SELECT ticket_id, kind, category, street_id, community_id, compound_id, building_id, due_at,
    CAST(created_at + INTERVAL 8 HOUR AS DATE) AS created_date, CAST(closed_at + INTERVAL 8 HOUR AS DATE) AS closed_date,
    CASE WHEN t.category = '违章搭建' THEN 15
      WHEN t.category = '房屋维修' THEN 15
      WHEN t.category = '绿化' THEN 15
      ELSE 7 END AS deadline_workdays
  FROM tickets t
  WHERE merged_into IS NULL
),
-- allowed: to the working day due_at falls in, else the rules' working days when the calendar holds that day.
known AS (
  SELECT r.ticket_id, r.kind, r.category, r.street_id, r.community_id, r.compound_id, r.building_id, r.due_at,
    cal.workday_seq AS created_seq,
    r.closed_date IS NOT NULL AND r.closed_date <= cut.cut_date AS closed,
    closing.workday_seq - cal.workday_seq AS working_days_to_close,
    cut.cut_seq - cal.workday_seq AS age,
    CASE WHEN r.due_at IS NOT NULL THEN due.workday_seq - cal.workday_seq
      WHEN cal.workday_seq + r.deadline_workdays BETWEEN 1 AND cut.last_seq THEN r.deadline_workdays END AS allowed
  FROM received r
  CROSS JOIN cut
  JOIN calendar cal ON cal.date = r.created_date
  LEFT JOIN calendar closing ON closing.date = r.closed_date
  LEFT JOIN calendar due ON due.date = CAST(r.due_at - INTERVAL 1 MILLISECOND + INTERVAL 8 HOUR AS DATE)
  WHERE r.created_date <= cut.cut_date
),
-- Each ticket leaves the risk set once: closed at its working days to close, or censored.
exits AS (
  SELECT kind, category, allowed,
    least(CASE WHEN closed THEN working_days_to_close ELSE age END, 60) AS t,
    closed AND working_days_to_close <= 60 AS event
  FROM known
),
strata AS (
  SELECT CASE WHEN grouping(kind) = 0 THEN 'kind_category' WHEN grouping(category) = 0 THEN 'category'
      WHEN grouping(allowed) = 0 THEN 'deadline' ELSE 'all' END AS stratum,
    kind, category, allowed, t, CAST(sum(leaving) AS BIGINT) AS leaving, CAST(sum(events) AS BIGINT) AS events
  -- Counted once at the finest stratum, then summed up: the coarser ones read thousands of rows, not every ticket.
  FROM (
    SELECT kind, category, allowed, t, count(*) AS leaving, count(*) FILTER (WHERE event) AS events
    FROM exits GROUP BY kind, category, allowed, t
  )
  GROUP BY GROUPING SETS ((kind, category, allowed, t), (category, allowed, t), (allowed, t), (t))
),
grid AS (
  SELECT s.stratum, s.kind, s.category, s.allowed, g.t
  FROM (SELECT DISTINCT stratum, kind, category, allowed FROM strata) s
  CROSS JOIN (SELECT unnest(range(0, 61)) AS t) g
),
curve AS (
  SELECT g.stratum, g.kind, g.category, g.allowed, g.t,
    sum(coalesce(s.leaving, 0)) OVER (PARTITION BY g.stratum, g.kind, g.category, g.allowed ORDER BY g.t DESC
      ROWS UNBOUNDED PRECEDING) AS at_risk,
    coalesce(s.events, 0) AS events
  FROM grid g
  LEFT JOIN strata s ON s.stratum = g.stratum AND s.kind IS NOT DISTINCT FROM g.kind
    AND s.category IS NOT DISTINCT FROM g.category AND s.allowed IS NOT DISTINCT FROM g.allowed AND s.t = g.t
),
survival AS (
  SELECT stratum, kind, category, allowed, t, at_risk,
    exp(sum(ln(greatest(1 - coalesce(events / nullif(at_risk, 0), 0), 1e-12))) OVER (PARTITION BY stratum, kind,
      category, allowed ORDER BY t ROWS UNBOUNDED PRECEDING)) AS s
  FROM curve
),
open_now AS (
  SELECT * FROM known WHERE NOT closed AND allowed IS NOT NULL AND allowed >= age
),
-- The finest stratum with enough tickets at risk at the ticket's age: kind, category and deadline, then coarser.
same AS (
  SELECT o.ticket_id, o.age, o.allowed, st.stratum, st.kind, st.category, st.allowed AS stratum_allowed,
    st.at_risk, st.s AS s_age,
    CASE st.stratum WHEN 'kind_category' THEN 0 WHEN 'category' THEN 1 WHEN 'deadline' THEN 2 ELSE 3 END AS fineness
  FROM open_now o
  JOIN survival st ON st.t = least(o.age, 60)
    AND (st.stratum = 'all' OR (st.allowed IS NOT DISTINCT FROM o.allowed
      AND (st.stratum = 'deadline' OR (st.category IS NOT DISTINCT FROM o.category
        AND (st.stratum = 'category' OR st.kind IS NOT DISTINCT FROM o.kind)))))
),
chosen AS (
  SELECT * FROM same
  QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY (at_risk >= 30) DESC, fineness) = 1
),
estimates AS (
  SELECT o.*, c.stratum, c.at_risk,
    sd.s / nullif(c.s_age, 0) AS probability
  FROM open_now o
  JOIN chosen c USING (ticket_id)
  JOIN survival sd ON sd.stratum = c.stratum AND sd.kind IS NOT DISTINCT FROM c.kind
    AND sd.category IS NOT DISTINCT FROM c.category AND sd.allowed IS NOT DISTINCT FROM c.stratum_allowed
    AND sd.t = least(o.allowed, 60)
)
SELECT * FROM (
SELECT e.ticket_id, e.kind, e.category, e.street_id, e.community_id, e.compound_id, e.building_id,
  e.age AS age_workdays, e.allowed AS allowed_workdays, coalesce(e.due_at, (CAST(d.date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 8 HOUR)) AS due_at,
  least(1, greatest(0, e.probability)) AS probability, e.stratum, e.at_risk, e.age >= e.allowed / 2.0 AS half_rule
FROM estimates e
LEFT JOIN calendar d ON e.due_at IS NULL AND d.is_workday AND d.workday_seq = e.created_seq + e.allowed
)
ORDER BY probability DESC, due_at, ticket_id) WHERE probability >= 0.5