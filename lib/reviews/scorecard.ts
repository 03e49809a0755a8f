/**
 * The review scorecard (季盘点 / 年总结): per place and period, lib/metrics' volume, the
 * three rates, on-time rate, median working days to close, callback coverage, tickets
 * resolved above the street and the publication rate (with its own rank), joined into one
 * row, with a score and a rank per period.
 * Repeats and the organisation network's coverage come per place for the period alone.
 */
import { callbacksSql } from "../metrics/callbacks.ts";
import { coverageSql } from "../metrics/coverage.ts";
import { escalationSql } from "../metrics/escalation.ts";
import { type Filter, filterSql, HANDLED, type TimeGrain } from "../metrics/filter.ts";
import { BUILDINGS_SQL } from "../metrics/places.ts";
import { publicationSql } from "../metrics/publication.ts";
import { type ColumnType, derivedTable, type Table } from "../schema.ts";
import { ratesSql } from "../metrics/rates.ts";
import { repeatsSql } from "../metrics/repeats.ts";
import { resolutionSql } from "../metrics/resolution.ts";
import { volumeSql } from "../metrics/volume.ts";

export type ReviewLevel = "street" | "community";

/**
 * The rates the score averages, equally weighted; a rate without a denominator is left
 * out of its place's average rather than counted as 0.
 */
export const SCORE_RATES = ["response_rate", "resolution_rate", "satisfaction_rate", "on_time_rate"] as const;

/** One row per place (or the district, without a level) and period; rank 1 has the highest score. */
export function scorecardSql(filter: Filter, level: ReviewLevel | undefined, grain: TimeGrain): string {
  const groupBy = { place: level, time: grain };
  const keys = level ? ["place_id", "period"] : ["period"];
  const join = (alias: string) => `LEFT JOIN ${alias} USING (${keys.join(", ")})`;
  const score = `(${SCORE_RATES.map((r) => `coalesce(${r}, 0)`).join(" + ")}) / nullif(${
    SCORE_RATES.map((r) => `(${r} IS NOT NULL)::INTEGER`).join(" + ")
  }, 0)`;
  const condition = filterSql(filter);
  // Each of the six families reads ticket_facts, a view of joins; evaluated once for the
  // filter's rows, a quarter's card takes a third of the time in DuckDB-WASM (same rows).
  // Unfiltered (the server's every-period build) it would hold every ticket in memory.
  const facts = condition === "TRUE"
    ? ""
    : `ticket_facts AS MATERIALIZED (SELECT * FROM main.ticket_facts WHERE ${condition}),\n`;
  return `WITH ${facts}v AS (${volumeSql(filter, groupBy)}),
r AS (${ratesSql(filter, groupBy)}),
s AS (${resolutionSql(filter, groupBy)}),
c AS (${callbacksSql(filter, groupBy)}),
e AS (${escalationSql(filter, groupBy)}),
p AS (${publicationSql(filter, groupBy)}),
joined AS (
  SELECT ${keys.map((k) => `v.${k}`).join(", ")}, v.tickets, v.households, v.per_1000_households,
    r.response_rate, r.resolution_rate, r.satisfaction_rate,
    s.on_time_rate, s.median_working_days,
    c.coverage AS callback_coverage,
    coalesce(e.at_district, 0) AS above_street,
    p.publication_rate
  FROM v ${join("r")} ${join("s")} ${join("c")} ${join("e")} ${join("p")}
),
scored AS (SELECT *, ${score} AS score FROM joined)
SELECT *, rank() OVER (PARTITION BY period ORDER BY score DESC NULLS LAST) AS rank,
  rank() OVER (PARTITION BY period ORDER BY publication_rate DESC NULLS LAST) AS publication_rank
FROM scored
ORDER BY ${keys.join(", ")}`;
}

/**
 * Every street's and the district's (`place_id` null) scorecard rows for every period of
 * each grain, computed by the server over the full data into the scope of a street
 * official, whose browser holds only their own streets' tickets but whose reviews rank
 * every street, and of the masked roles, whose reviews then need not compute them
 * (lib/store/scoped.ts). A table, not a schema table of the store.
 */
export const STREET_SCORECARDS: Table = derivedTable(
  "street_scorecards",
  "各街道考核得分（全区数据计算）",
  "Every street's scorecard, computed over the whole district's data",
  [
    ["grain", "VARCHAR"],
    ["place_id", "VARCHAR"],
    ["period", "DATE"],
    ["tickets", "BIGINT"],
    ["households", "BIGINT"],
    ["per_1000_households", "DOUBLE"],
    ...SCORE_RATES.map((r): [string, ColumnType] => [r, "DOUBLE"]),
    ["median_working_days", "DOUBLE"],
    ["callback_coverage", "DOUBLE"],
    ["above_street", "BIGINT"],
    ["publication_rate", "DOUBLE"],
    ["score", "DOUBLE"],
    ["rank", "BIGINT"],
    ["publication_rank", "BIGINT"],
  ],
);

const SCORECARD_GRAINS: TimeGrain[] = ["month", "quarter", "year"];

/** The rows of STREET_SCORECARDS, over this connection's ticket_facts. */
export function streetScorecardsSql(): string {
  const parts = SCORECARD_GRAINS.flatMap((g) => [
    `SELECT '${g}' AS grain, * FROM (${scorecardSql({}, "street", g)})`,
    `SELECT '${g}' AS grain, NULL::VARCHAR AS place_id, * FROM (${scorecardSql({}, undefined, g)})`,
  ]);
  return `SELECT ${STREET_SCORECARDS.columns.map((c) => c.name).join(", ")} FROM (
${parts.join("\nUNION ALL BY NAME\n")}
) ORDER BY grain, period, place_id NULLS FIRST`;
}

/**
 * The same rows as scorecardSql(`from` to `to`, level, grain), read from STREET_SCORECARDS
 * (in a street official's browser, where ticket_facts holds only their streets, and a masked role's).
 */
export function storedScorecardSql(from: string, to: string, level: "street" | undefined, grain: TimeGrain): string {
  return `SELECT * EXCLUDE (grain) FROM ${STREET_SCORECARDS.name}
WHERE grain = '${grain}' AND place_id IS ${level ? "NOT " : ""}NULL
  AND period >= DATE '${from}' AND period < DATE '${to}'
ORDER BY ${level ? "place_id, " : ""}period`;
}

/** Repeats (building and category, per the configured window) and network coverage per place. */
export function placeExtrasSql(filter: Filter, level: ReviewLevel): string {
  const column = `${level}_id`;
  return `WITH rp AS (
  SELECT b.${column} AS place_id, count(*) AS repeats
  FROM (${repeatsSql(filter, { level: "building" })}) r
  JOIN (${BUILDINGS_SQL}) b ON b.building_id = r.place_id
  GROUP BY 1
),
cv AS (${coverageSql({}, { place: level })})
SELECT cv.place_id, coalesce(rp.repeats, 0) AS repeats,
  cv.compounds_with_branch_share, cv.buildings_with_group_share, cv.households_linked_share
FROM cv LEFT JOIN rp USING (place_id)
ORDER BY cv.place_id`;
}

/**
 * The sources' words for a ticket still with the district's departments: 部门呼叫中
 * (the street called, departments report) and 督办 (under supervision).
 */
export const ABOVE_STREET_OPEN_STATUSES = ["部门呼叫中", "督办"];

/**
 * What went above the street in the period, for the district to decide on: tickets
 * resolved at district level, and tickets still open with the departments, by street
 * and category, the largest first.
 */
export function aboveStreetSql(filter: Filter, limit = 30): string {
  const open = `status = 'open' AND status_source IN (${ABOVE_STREET_OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`;
  return `SELECT f.street_id AS place_id, p.name AS street, f.category,
  count(*) AS tickets,
  count(*) FILTER (WHERE f.resolved_level = 'district') AS resolved_above,
  count(*) FILTER (WHERE f.status = 'open') AS still_open,
  quantile_cont(f.working_days_to_close, 0.5) AS median_working_days
FROM (
  SELECT * FROM ticket_facts
  WHERE ${filterSql(filter)} AND ${HANDLED} AND (resolved_level = 'district' OR (${open}))
) f
LEFT JOIN places p ON p.place_id = f.street_id
GROUP BY ALL
ORDER BY tickets DESC, still_open DESC, place_id, category
LIMIT ${limit}`;
}

/** Streets and communities with their names and street, for labels and nesting. */
export const REVIEW_PLACES_SQL = `SELECT place_id, level, name, street_id
FROM places WHERE level IN ('district', 'street', 'community')
ORDER BY level, place_id`;
