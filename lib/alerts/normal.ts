/**
 * The standard normal's upper tail P(Z ≥ z) as SQL, which DuckDB's core has no function
 * for (no erf): Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7. `z` should be a
 * column name, as it is repeated.
 */
export function normalUpperTailSql(z: string): string {
  const x = `(abs(${z}) / sqrt(2))`;
  const t = `(1 / (1 + 0.3275911 * ${x}))`;
  const erfc =
    `(${t} * (0.254829592 + ${t} * (-0.284496736 + ${t} * (1.421413741 + ${t} * (-1.453152027 + ${t} * 1.061405429)))) * exp(-${x} * ${x}))`;
  return `CASE WHEN ${z} >= 0 THEN 0.5 * ${erfc} ELSE 1 - 0.5 * ${erfc} END`;
}
