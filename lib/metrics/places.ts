/**
 * Compounds and buildings with the place ids above them, as SQL relations whose place
 * columns carry the same names as ticket_facts', so a Filter's place condition and a
 * grouping key apply to them unchanged.
 */
import { type Filter, type GroupBy, type Level, placeColumn, placeCondition } from "./filter.ts";

/**
 * One row per compound. A compound lies in a grid only when its parent is a grid:
 * `places` names no other link, so grid-level households are null otherwise.
 */
export const COMPOUNDS_SQL = `SELECT c.place_id AS compound_id, c.name, c.street_id, c.community_id,
    CASE WHEN g.level = 'grid' THEN g.place_id END AS grid_id, c.households
  FROM places c LEFT JOIN places g ON g.place_id = c.parent_id
  WHERE c.level = 'compound'`;

export const BUILDINGS_SQL = `SELECT b.building_id, b.compound_id, c.grid_id, c.community_id, c.street_id, b.households
  FROM buildings b LEFT JOIN (${COMPOUNDS_SQL}) c ON c.compound_id = b.compound_id`;

const usesBuildings = (level: Level | undefined) => level === "building";

/**
 * Households of the places the filter selects, per place at the grouping's level (or one
 * total row). Compounds' own counts are used unless buildings are asked for.
 */
export function householdsSql(filter: Filter, groupBy: GroupBy): string {
  const base = usesBuildings(groupBy.place) || usesBuildings(filter.placeLevel) ? BUILDINGS_SQL : COMPOUNDS_SQL;
  const key = groupBy.place ? `${placeColumn(groupBy.place)} AS place_id, ` : "";
  return `SELECT ${key}sum(households) AS households
  FROM (${base}) h
  WHERE ${placeCondition(filter)}${groupBy.place ? "\n  GROUP BY place_id" : ""}`;
}
