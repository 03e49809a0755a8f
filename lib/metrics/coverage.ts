/**
 * Coverage of the organisation network per place (compounds with a branch, buildings
 * with a group, households linked to member households, members per 100 households),
 * and the priority list: compounds among the top quarter by ticket rate whose coverage
 * is below the district's median; and the gaps: compounds whose network has a hole.
 */
import { type Filter, filterSql, type GroupBy, placeColumn, placeCondition } from "./filter.ts";
import { COMPOUNDS_SQL } from "./places.ts";
import { ratio } from "./sql.ts";

/** Each share over the count columns, which hold one compound's figures or a place's sums alike. */
const SHARES = {
  compounds_with_branch_share: ratio("compounds_with_branch", "compounds"),
  buildings_with_group_share: ratio("buildings_with_group", "buildings"),
  households_linked_share: ratio("households_linked", "households"),
  members_per_100_households: ratio("100.0 * members", "households"),
};
const COUNTS = [
  "compounds",
  "compounds_with_branch",
  "buildings",
  "buildings_with_group",
  "households",
  "households_linked",
  "members",
];

export type CoverageMeasure = Exclude<keyof typeof SHARES, "compounds_with_branch_share">;

/**
 * One row per compound with its counts. Linked households are capped at each building's
 * households, so a generous member household cannot lift coverage above 100%.
 */
const PER_COMPOUND = `compounds AS (${COMPOUNDS_SQL}),
building_cover AS (
  SELECT b.compound_id, count(*) AS buildings,
    count(*) FILTER (WHERE b.building_id IN (SELECT building_id FROM group_buildings)) AS buildings_with_group,
    sum(least(coalesce(l.linked, 0), coalesce(b.households, 0))) AS households_linked
  FROM buildings b
  LEFT JOIN (SELECT building_id, sum(households_linked) AS linked FROM member_households GROUP BY building_id) l
    ON l.building_id = b.building_id
  GROUP BY b.compound_id
),
per_compound AS (
  SELECT c.compound_id, c.name, c.street_id, c.community_id, c.grid_id,
    1 AS compounds,
    CASE WHEN c.compound_id IN (SELECT compound_id FROM branch_compounds) THEN 1 ELSE 0 END AS compounds_with_branch,
    coalesce(bc.buildings, 0) AS buildings,
    coalesce(bc.buildings_with_group, 0) AS buildings_with_group,
    c.households,
    coalesce(bc.households_linked, 0) AS households_linked,
    coalesce(m.members, 0) AS members
  FROM compounds c
  LEFT JOIN building_cover bc ON bc.compound_id = c.compound_id
  LEFT JOIN (SELECT compound_id, sum(members) AS members FROM compound_members GROUP BY compound_id) m
    ON m.compound_id = c.compound_id
)`;

function compoundLevelOnly(filter: Filter, groupBy: GroupBy) {
  if (filter.placeLevel === "building" || groupBy.place === "building" || groupBy.time || groupBy.category) {
    throw new Error("coverage is per compound or a larger place, with no time or category grouping");
  }
}

export function coverageSql(filter: Filter, groupBy: GroupBy = {}): string {
  compoundLevelOnly(filter, groupBy);
  const key = groupBy.place ? [`${placeColumn(groupBy.place)} AS place_id`] : [];
  return `WITH ${PER_COMPOUND},
sums AS (
  SELECT ${[...key, ...COUNTS.map((c) => `sum(${c}) AS ${c}`)].join(",\n    ")}
  FROM per_compound
  WHERE ${placeCondition(filter)}${groupBy.place ? "\n  GROUP BY place_id" : ""}
)
SELECT *, ${Object.entries(SHARES).map(([name, sql]) => `${sql} AS ${name}`).join(",\n  ")}
FROM sums${groupBy.place ? "\nORDER BY place_id" : ""}`;
}

/** Below this share of households linked to a member household, a compound's network has a gap. */
export const GAP_LINKED_SHARE = 0.5;

/**
 * A compound's gap, the one rule the map's gaps layer and the place panel's list share:
 * 2 without a branch; 1 with too few households linked or a building without a group; else 0.
 */
const GAP = `CASE WHEN compounds_with_branch = 0 THEN 2
    WHEN households_linked_share < ${GAP_LINKED_SHARE} OR buildings_with_group < buildings THEN 1 ELSE 0 END`;

/** One row per compound of the filter's place: its coverage and `gap`. */
export function coverageGapsSql(filter: Filter): string {
  return `SELECT *, ${GAP} AS gap
FROM (${coverageSql(filter, { place: "compound" })}) c`;
}

export interface PriorityOptions {
  coverage?: CoverageMeasure;
}

/**
 * The quartile and the median are taken over all the district's compounds (those with
 * households); the filter's place then narrows the list, its other parts the tickets.
 */
export function priorityListSql(filter: Filter, options: PriorityOptions = {}): string {
  compoundLevelOnly(filter, {});
  const measure = options.coverage ?? "households_linked_share";
  return `WITH ${PER_COMPOUND},
ticket_counts AS (
  SELECT compound_id, count(*) AS tickets
  FROM ticket_facts
  WHERE ${filterSql({ ...filter, placeLevel: undefined, placeIds: undefined })}
  GROUP BY compound_id
),
scored AS (
  SELECT pc.*, coalesce(t.tickets, 0) AS tickets,
    ${ratio("1000.0 * coalesce(t.tickets, 0)", "pc.households")} AS ticket_rate,
    ${SHARES[measure]} AS coverage
  FROM per_compound pc LEFT JOIN ticket_counts t ON t.compound_id = pc.compound_id
),
thresholds AS (
  SELECT quantile_cont(ticket_rate, 0.75) AS ticket_rate_q3, quantile_cont(coverage, 0.5) AS coverage_median
  FROM scored
)
SELECT compound_id, name, street_id, community_id, tickets, households, ticket_rate, coverage,
  '${measure}' AS coverage_measure, ticket_rate_q3, coverage_median
FROM scored CROSS JOIN thresholds
WHERE ticket_rate >= ticket_rate_q3 AND coverage < coverage_median AND ${placeCondition(filter)}
ORDER BY ticket_rate DESC, compound_id`;
}
