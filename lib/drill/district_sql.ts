/** What the map page loads once besides the district's geometry: the drill ladder, labels and filter choices. */
import { UTC_OFFSET_HOURS } from "../time.ts";
import { STUDY_AREA_SQL } from "../metrics/hotspots.ts";
import { localDate } from "../metrics/sql.ts";

export const PLACES_SQL = `SELECT place_id, level, name, street_id, community_id, households, lon, lat
FROM places WHERE level IN ('street', 'community', 'compound') ORDER BY place_id`;

export const BUILDINGS_SQL = `SELECT building_id, compound_id, name, lon, lat FROM buildings ORDER BY building_id`;

export const OUTLINES_SQL = STUDY_AREA_SQL;

/** The newest ticket's local day: the default range ends there, as the metrics' "now" does. */
export function newestDaySql(utcOffsetHours = UTC_OFFSET_HOURS): string {
  return `SELECT CAST(${localDate("max(created_at)", utcOffsetHours)} AS VARCHAR) AS day FROM tickets`;
}

/** The values each list filter offers, most frequent first. */
export function choicesSql(column: "category" | "kind" | "source" | "status"): string {
  return `SELECT ${column} AS value FROM tickets WHERE ${column} IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC, value`;
}
