/** Small pieces of SQL text the metric builders share: literals, local time, clocks, ratios. */

/** A SQL string literal; a quote inside is doubled, so a category like `O'Brien` stays one value. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlList(values: readonly string[]): string {
  return `(${values.map(sqlString).join(", ")})`;
}

/** A UTC instant (epoch ms) as a TIMESTAMP literal, comparable with the store's TIMESTAMP columns. */
export function timestampLiteral(ms: number): string {
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${ms}`);
  return `TIMESTAMP '${new Date(ms).toISOString().replace("T", " ").replace("Z", "")}'`;
}

/** A local date (YYYY-MM-DD) as a DATE literal; anything else is refused, never spliced into the SQL. */
export function dateLiteral(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a local date: ${iso}`);
  return `DATE '${iso}'`;
}

/** The interval from UTC to local time; minutes keep offsets such as +05:30 exact. */
export function offsetInterval(utcOffsetHours: number): string {
  return Number.isInteger(utcOffsetHours)
    ? `INTERVAL ${utcOffsetHours} HOUR`
    : `INTERVAL ${Math.round(utcOffsetHours * 60)} MINUTE`;
}

/** The local calendar date of a UTC instant. */
export function localDate(instant: string, utcOffsetHours: number): string {
  return `CAST(${instant} + ${offsetInterval(utcOffsetHours)} AS DATE)`;
}

/** The UTC instant at which a local date ends (local midnight after it). */
export function endOfLocalDay(date: string, utcOffsetHours: number): string {
  return `(CAST(${date} AS TIMESTAMP) + INTERVAL 1 DAY - ${offsetInterval(utcOffsetHours)})`;
}

export function hoursBetween(from: string, to: string): string {
  return `(epoch_ms(${to}) - epoch_ms(${from})) / 3600000.0`;
}

/** `numerator / denominator`, null when the denominator is 0. */
export function ratio(numerator: string, denominator: string): string {
  return `(${numerator}) / nullif(${denominator}, 0)`;
}

/** Share of rows where a nullable boolean is true among rows where it is not null. */
export function trueShare(column: string): string {
  return ratio(`count(*) FILTER (WHERE ${column})`, `count(${column})`);
}
