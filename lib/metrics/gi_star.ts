/**
 * Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) with binary weights: for each
 * unit, how far the sum over it and its neighbours lies from what the study area's
 * mean would give, in standard errors. A dense cell among dense cells is a hot spot;
 * a single dense cell among empty ones usually is not, which is what a map of raw
 * counts cannot tell. Pure functions, so the map, the tests and the SQL twin agree.
 */

export type GiClass = "hot99" | "hot95" | "hot90" | "none" | "cold90" | "cold95" | "cold99";

export interface GiStar {
  /** The Gi* z-score of each unit, 0 where the study area has no variance to measure against. */
  z: Float64Array;
  /** Two-sided p-value of each z under the normal approximation. */
  p: Float64Array;
  classes: GiClass[];
}

/** The confidence levels, strictest first: a unit takes the first one its p-value passes. */
export const SIGNIFICANCE = [
  { level: 99, alpha: 0.01 },
  { level: 95, alpha: 0.05 },
  { level: 90, alpha: 0.10 },
] as const;

/**
 * Gi* for `values[i]` with `neighbours[i]` the indices of unit i's neighbours. Each unit
 * counts as its own neighbour (the star); listing it explicitly changes nothing.
 */
export function giStar(values: ArrayLike<number>, neighbours: ArrayLike<number>[]): GiStar {
  const n = values.length;
  if (neighbours.length !== n) throw new Error(`${n} values but ${neighbours.length} neighbour lists`);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    sumSquares += values[i] * values[i];
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lag = values[i];
    let weights = 1;
    for (const j of new Set(Array.from(neighbours[i]))) {
      if (j === i) continue;
      if (!(j >= 0 && j < n)) throw new Error(`neighbour ${j} of unit ${i} is not one of the ${n} units`);
      lag += values[j];
      weights++;
    }
    z[i] = giZ(lag, weights, n, mean, s);
  }
  const p = z.map(twoSidedP);
  return { z, p, classes: Array.from(z, (zi, i) => giClass(zi, p[i])) };
}

/** With binary weights Σw = Σw² = the number of units summed (self included). */
function giZ(lag: number, weights: number, n: number, mean: number, s: number): number {
  const spread = s * Math.sqrt((n * weights - weights * weights) / (n - 1));
  return spread > 0 ? (lag - mean * weights) / spread : 0;
}

export function giClass(z: number, p: number): GiClass {
  const level = SIGNIFICANCE.find((s) => p < s.alpha)?.level;
  if (level === undefined || z === 0) return "none";
  return `${z > 0 ? "hot" : "cold"}${level}`;
}

/**
 * Coefficients of the Chebyshev fit of erfc (Numerical Recipes, `erfcc`; fractional
 * error below 1.2e-7 everywhere), shared with the SQL twin so both give the same p.
 */
export const ERFC_COEFFICIENTS = [
  -1.26551223,
  1.00002368,
  0.37409196,
  0.09678418,
  -0.18628806,
  0.27886807,
  -1.13520398,
  1.48851587,
  -0.82215223,
  0.17087277,
] as const;

/** erfc(x) for x ≥ 0. */
export function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  let poly = 0;
  for (let k = ERFC_COEFFICIENTS.length - 1; k >= 0; k--) poly = poly * t + ERFC_COEFFICIENTS[k];
  return t * Math.exp(-x * x + poly);
}

/** P(|Z| ≥ |z|) for a standard normal Z: erfc(|z| / √2). */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * The same Gi* in SQL, for a DuckDB that holds the neighbour pairs as a table:
 * `values` is a query with columns (id, value) over the whole study area, zeros
 * included; `neighbours` a query with columns (id, neighbour). Returns id, value, z, p and class.
 */
export function giStarSql(values: string, neighbours: string): string {
  const horner = ERFC_COEFFICIENTS.toReversed().reduce(
    (inner, c) => inner === "" ? `${c}` : `${c} + t * (${inner})`,
    "",
  );
  const classes = SIGNIFICANCE.map(({ level, alpha }) =>
    `WHEN p < ${alpha} AND z > 0 THEN 'hot${level}' WHEN p < ${alpha} AND z < 0 THEN 'cold${level}'`
  ).join("\n    ");
  return `WITH v AS (SELECT id, value::DOUBLE AS x FROM (${values})),
stats AS (SELECT count(*) AS n, avg(x) AS mean, sqrt(greatest(0, avg(x * x) - avg(x) * avg(x))) AS s FROM v),
w AS (SELECT id, neighbour FROM (${neighbours}) WHERE id <> neighbour UNION SELECT id, id FROM v),
lag AS (SELECT w.id, sum(v.x) AS lag, count(*) AS weights FROM w JOIN v ON v.id = w.neighbour GROUP BY w.id),
scored AS (
  SELECT lag.id, lag.lag, s * sqrt((n * weights - weights * weights) / (n - 1)) AS spread, mean * weights AS expected
  FROM lag, stats
),
zs AS (SELECT id, CASE WHEN spread > 0 THEN (lag - expected) / spread ELSE 0 END AS z FROM scored),
ts AS (SELECT id, z, 1 / (1 + 0.5 * abs(z) / sqrt(2)) AS t FROM zs),
ps AS (SELECT id, z, least(1, t * exp(-(z * z / 2) + ${horner})) AS p FROM ts)
SELECT v.id, v.x AS value, ps.z, ps.p,
  CASE ${classes}
    ELSE 'none' END AS class
FROM v JOIN ps USING (id)
ORDER BY v.id`;
}
