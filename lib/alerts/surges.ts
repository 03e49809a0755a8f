/**
 * Surges (激增): for every place at every level (district, street, community, compound) ×
 * category (and all categories), the day's count and the count of the 7 days ending that
 * day, against the count expected from the series' own history.
 *
 * The model is Farrington's, cut to what one SQL query can do: expected = the series'
 * recent level (its tickets per "ordinary day" over `baselineDays`, ending `guardDays`
 * before the judged period) × the judged days' day-kind factor (working day by weekday,
 * make-up working day, weekend, public holiday, from the `calendar` table and the
 * district's own history) × a seasonal factor (how the district's tickets of that
 * category moved from the baseline to the judged period on the same dates one and two
 * years before). Over-dispersion is estimated quasi-Poisson from the
 * baseline's residuals, widened by the uncertainty of the level itself, and the count is
 * judged against a negative binomial of that mean and variance: the exact upper tail for
 * counts up to EXACT_MAX, Farrington's 2/3-power normal approximation above. Series with
 * less history than the baseline are judged EARS C2-style (the 7 days ending 3 days
 * before), series whose baseline holds fewer than `minBaselineTickets` are not judged.
 * The false-discovery rate is controlled by weighted Benjamini–Hochberg (Genovese, Roeder
 * and Wasserman 2006) across every series judged on a day, daily and weekly counts
 * together: each level (district, street, community, compound) gets an equal share of the
 * rate, i.e. weight m / (levels × the level's tests), so the few series a district office
 * watches first are not drowned by thousands of compound × category series. The weights
 * average 1 and are fixed before the data are seen, which keeps the FDR at q (and, with no
 * surge anywhere, the chance of any alert on a day at q).
 *
 * Merged duplicates (并单) are left out: they are one problem reported twice.
 *
 * The counts read `tickets`, not `ticket_facts`: they need a ticket's day, category and
 * places only, and the view's joins cost seconds at 1M tickets.
 */
import { type AlertsConfig, DEFAULT_ALERTS } from "./config.ts";
import { normalUpperTailSql } from "./normal.ts";
import { DEFAULT_CONFIG } from "../metrics/deadlines.ts";
import { dateLiteral, localDate, sqlString } from "../metrics/sql.ts";

/** Counts up to this get the exact negative-binomial tail; above, the normal approximation is within a few %. */
export const EXACT_MAX = 100;
/** Pseudo-tickets that keep the seasonal factor near 1 when last year's counts were small. */
const SEASON_PRIOR = 5;
/** The z of the per-series band drawn around the expected count (97.5 % one-sided). */
const BAND_Z = 1.96;
/** EARS C2's floor on the baseline's standard deviation, so a flat baseline does not divide by 0. */
const C2_MIN_SD = 0.5;
export const SURGE_LEVELS = ["district", "street", "community", "compound"] as const;

export interface SurgeOptions {
  /** First judged local date (YYYY-MM-DD); default: `judgedDays` days before `to`. */
  from?: string;
  /** Last judged local date; default: the store's newest day. */
  to?: string;
  /** Only these series in the result (after the false-discovery control, which counts all). */
  level?: (typeof SURGE_LEVELS)[number];
  placeId?: string;
  /** A category's series; `null` for all categories. */
  category?: string | null;
  /** Local time = UTC + this, as in the deadline configuration (a ticket's day is its local date). */
  utcOffsetHours?: number;
}

/** The day kinds whose volumes differ: weekdays, make-up working days, weekends, holidays. */
const DAY_KIND = `CASE WHEN NOT is_workday AND holiday IS NOT NULL THEN 'holiday'
      WHEN NOT is_workday THEN 'rest'
      WHEN isodow(date) > 5 THEN 'makeup'
      ELSE CAST(isodow(date) AS VARCHAR) END`;

const LEVEL_SETS = ["street_id", "community_id", "compound_id"];

/**
 * Every series' judged days with observed, expected, band, dispersion, p- and q-value,
 * shared by the surge list and EARS C2 (which reads the same cells).
 */
function cellsSql(config: AlertsConfig, options: SurgeOptions): string {
  const B = config.baselineDays;
  const G = config.guardDays;
  const first = options.from ? dateLiteral(options.from) : `t.today - ${config.judgedDays - 1}`;
  const last = options.to ? dateLiteral(options.to) : "t.today";
  const sets = ["(created_date)", "(created_date, category)"];
  for (const column of LEVEL_SETS) sets.push(`(created_date, ${column})`, `(created_date, ${column}, category)`);
  // Days before the judged period that its windows read: the weekly baseline, and C2's 9 days.
  const lookback = 6 + G + B;
  const bound = (days: number) => days === 0 ? "CURRENT ROW" : days > 0 ? `${days} PRECEDING` : `${-days} FOLLOWING`;
  const range = (from: number, to: number) => `ORDER BY n RANGE BETWEEN ${bound(from)} AND ${bound(to)}`;
  const windows = (sum: string, from: number, to: number) =>
    `${sum} OVER (PARTITION BY level, place_id, category ${range(from, to)})`;
  const dayWindow = (sum: string, from: number, to: number) => `${sum} OVER (${range(from, to)})`;
  // A year's windows count only where the history holds them whole.
  const ok = (column: string, grain: "day" | "week") =>
    `sum(s.${column}) FILTER (WHERE ${grain === "day" ? "s.day_days = 7 AND " : ""}s.${grain}_base_days = ${B})`;
  const seasonWindow = (sum: string, from: number, to: number) =>
    `${sum} OVER (PARTITION BY category ${range(from, to)})`;
  const created = localDate("created_at", options.utcOffsetHours ?? DEFAULT_CONFIG.utcOffsetHours);
  return `reports AS NOT MATERIALIZED (
  SELECT ${created} AS created_date, category, street_id, community_id, compound_id FROM tickets
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
  SELECT c.date AS day FROM calendar c, today t WHERE c.date BETWEEN ${first} AND ${last}
),
bounds AS (
  SELECT min(day) - ${lookback} AS start_day, max(day) AS end_day FROM judged
),
history AS (
  SELECT c.date AS day, c.date - DATE '1970-01-01' AS n, ${DAY_KIND} AS kind, coalesce(d.y, 0) AS y
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
    ${dayWindow("sum(f)", G + B, G + 1)} AS base_f,
    ${dayWindow("count(*)", G + B, G + 1)} AS base_days,
    ${dayWindow("sum(f)", 6, 0)} AS week_f,
    ${dayWindow("sum(f)", 6 + G + B, 7 + G)} AS week_base_f,
    ${dayWindow("count(*)", 6 + G + B, 7 + G)} AS week_base_days,
    ${dayWindow("count(*)", 9, 3)} AS c2_days
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
    ${seasonWindow("sum(y)", 3, -3)} AS day_y, ${seasonWindow("sum(f)", 3, -3)} AS day_f,
    ${seasonWindow("count(*)", 3, -3)} AS day_days,
    ${seasonWindow("sum(y)", G + B, G + 1)} AS day_base_y, ${seasonWindow("sum(f)", G + B, G + 1)} AS day_base_f,
    ${seasonWindow("count(*)", G + B, G + 1)} AS day_base_days,
    ${seasonWindow("sum(y)", 6, 0)} AS week_y, ${seasonWindow("sum(f)", 6, 0)} AS week_f,
    ${seasonWindow("sum(y)", 6 + G + B, 7 + G)} AS week_base_y,
    ${seasonWindow("sum(f)", 6 + G + B, 7 + G)} AS week_base_f,
    ${seasonWindow("count(*)", 6 + G + B, 7 + G)} AS week_base_days
  FROM season_days
),
-- The same dates one and two years before, where the history holds the whole windows. Not 52
-- weeks: seasons keep to dates (heating starts on a date, categories change with the month),
-- and the windows are counted per ordinary day, so their weekdays need not align.
season AS (
  SELECT j.day, s.category,
    (${ok("day_y", "day")} + ${SEASON_PRIOR})
      / (${ok("day_base_y", "day")} * ${ok("day_f", "day")} / ${
    ok("day_base_f", "day")
  } + ${SEASON_PRIOR}) AS day_factor,
    (${ok("week_y", "week")} + ${SEASON_PRIOR})
      / (${ok("week_base_y", "week")} * ${ok("week_f", "week")} / ${ok("week_base_f", "week")} + ${SEASON_PRIOR})
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
  GROUP BY GROUPING SETS (${sets.join(", ")})
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
    ${windows("sum(c.y)", G + B, G + 1)} AS base_y,
    ${windows("sum(c.y * c.y / d.f)", G + B, G + 1)} AS base_y2f,
    ${windows("sum(c.y)", 6, 0)} AS week_y,
    ${windows("sum(c.y)", 6 + G + B, 7 + G)} AS week_base_y,
    ${windows("sum(c.y * c.y / d.f)", 6 + G + B, 7 + G)} AS week_base_y2f,
    ${windows("sum(c.y)", 9, 3)} AS c2_y,
    ${windows("sum(c.y * c.y)", 9, 3)} AS c2_y2
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
    CASE WHEN base_days = ${B} AND base_y >= ${config.minBaselineTickets} THEN 'nb'
      WHEN base_days = ${B} THEN NULL
      WHEN grain = 'day' AND c2_days = 7 AND c2_y >= ${config.minBaselineTickets} THEN 'ears_c2' END AS method,
    CASE WHEN base_days = ${B} AND base_y >= ${config.minBaselineTickets} THEN 'judged'
      WHEN base_days = ${B} THEN 'too_small'
      WHEN grain = 'day' AND c2_days = 7 AND c2_y >= ${config.minBaselineTickets} THEN 'judged'
      WHEN grain = 'day' AND c2_days = 7 THEN 'too_small'
      ELSE 'too_short' END AS judgement
  FROM periods
),
fitted AS (
  SELECT *, row_number() OVER () AS id,
    CASE method WHEN 'nb' THEN mu WHEN 'ears_c2' THEN c2_mean END AS expected,
    CASE method WHEN 'nb' THEN (observed - mu) / sqrt(phi * mu)
      WHEN 'ears_c2' THEN (observed - c2_mean) / greatest(c2_sd, ${C2_MIN_SD}) END AS score,
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
    WHERE method = 'nb' AND observed > mu AND observed <= ${EXACT_MAX}
  )
  GROUP BY id
),
tested AS (
  SELECT f.*,
    CASE WHEN f.method IS NULL THEN NULL
      WHEN f.observed <= f.expected THEN 1.0
      WHEN f.method = 'nb' AND f.observed <= ${EXACT_MAX} THEN least(1, greatest(0, 1 - e.below))
      WHEN f.method = 'nb' THEN ${normalUpperTailSql("f.z23")}
      ELSE ${normalUpperTailSql("f.score")} END AS p_value,
    CASE f.method
      WHEN 'nb' THEN f.mu * pow(1 + 2.0 / 3 * ${BAND_Z} * sqrt(f.phi / f.mu), 1.5)
      WHEN 'ears_c2' THEN f.c2_mean + 3 * greatest(f.c2_sd, ${C2_MIN_SD}) END AS upper
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
)`;
}

const seriesWhere = (options: SurgeOptions) =>
  [
    options.level ? `level = '${options.level}'` : "",
    options.placeId !== undefined ? `place_id = ${sqlString(options.placeId)}` : "",
    options.category === null
      ? "category IS NULL"
      : options.category !== undefined
      ? `category = ${sqlString(options.category)}`
      : "",
  ].filter(Boolean);

/**
 * One row per series, judged day and grain (`day`: that day; `week`: the 7 days ending
 * that day): `observed`, `expected`, `upper` (the series' 97.5 % band), `phi`, `score`
 * ((observed − expected) / sd), `p_value`, `q_value` (weighted Benjamini–Hochberg within the day),
 * `method` (`nb` / `ears_c2`), `judgement` (`judged` / `too_small` / `too_short`), `alert`.
 * The district's series have the district's place id; all categories' have category null.
 */
export function surgeSeriesSql(config: AlertsConfig = DEFAULT_ALERTS, options: SurgeOptions = {}): string {
  const where = seriesWhere(options);
  return `WITH ${cellsSql(config, options)}
SELECT s.grain, s.level,
  CASE WHEN s.level = 'district' THEN (SELECT min(place_id) FROM places WHERE level = 'district') ELSE s.place_id END
    AS place_id,
  s.category, s.day, s.period_start, s.observed, s.expected, s.upper, s.phi, s.score,
  s.p_value, s.q_value, s.method, s.judgement,
  coalesce(s.q_value <= ${config.q} AND s.observed > s.expected, false) AS alert
FROM adjusted s${where.length ? `\nWHERE ${where.map((w) => `s.${w}`).join(" AND ")}` : ""}
ORDER BY s.day, s.grain, s.level, place_id, s.category`;
}

/**
 * EARS C2 on the same daily cells, for comparison: the mean and standard deviation of the
 * 7 days ending 3 days before, an alert when the count lies more than 3 of them above, with
 * no false-discovery control (as EARS runs). Series with no ticket in those 7 days are not
 * judged.
 */
export function earsC2Sql(config: AlertsConfig = DEFAULT_ALERTS, options: SurgeOptions = {}): string {
  return `WITH ${cellsSql(config, options)},
c2 AS (
  SELECT level, place_id, category, day, observed, c2_y / 7.0 AS expected,
    sqrt(greatest(0, (c2_y2 - c2_y * c2_y / 7.0) / 6)) AS sd
  FROM periods WHERE grain = 'day' AND c2_days = 7 AND c2_y > 0
)
SELECT level, place_id, category, day, observed, expected, (observed - expected) / greatest(sd, ${C2_MIN_SD}) AS score,
  (observed - expected) / greatest(sd, ${C2_MIN_SD}) > 3 AS alert
FROM c2
ORDER BY day, level, place_id, category`;
}
