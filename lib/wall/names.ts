/** Names for the ids the metrics return, since the wall shows places by name. */
import { sqlList } from "../metrics/sql.ts";

export const PLACE_NAMES_SQL = `SELECT place_id AS id, name FROM places WHERE level <> 'district'`;

/** Buildings with their compound's name, e.g. 3栋 of 德沁苑. */
export function buildingNamesSql(ids: string[]): string {
  if (ids.length === 0) return `SELECT NULL AS id, NULL AS name, NULL AS compound WHERE FALSE`;
  return `SELECT b.building_id AS id, b.name, c.name AS compound
FROM buildings b LEFT JOIN places c ON c.place_id = b.compound_id
WHERE b.building_id IN ${sqlList(ids)}`;
}

/** id → name; an id without a name stays visible as itself rather than as a blank. */
export function nameLookup(rows: { id: unknown; name: unknown }[]): (id: unknown) => string {
  const names = new Map(rows.map((r) => [String(r.id), String(r.name)]));
  return (id) => id == null ? "—" : names.get(String(id)) ?? String(id);
}
