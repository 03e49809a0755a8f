/**
 * The first dashboard figures, as SQL builders: pure functions returning query text,
 * tested as strings and run on any Connector. "Now" is the newest ticket in the store,
 * so a store's figures do not drift with the wall clock.
 */
import { unplacedShareSql } from "./data_quality.ts";
import { satisfactionSql } from "./satisfaction.ts";

export const DATA_AS_OF_SQL = `SELECT max(created_at) AS as_of FROM tickets`;

export function headlineSql(): string {
  return `WITH as_of AS (${DATA_AS_OF_SQL})
SELECT
  count(*) AS tickets_total,
  count(*) FILTER (WHERE status = 'open') AS open,
  count(*) FILTER (WHERE created_at > (SELECT as_of FROM as_of) - INTERVAL 30 DAY) AS tickets_30d,
  (SELECT satisfaction_rate FROM (${satisfactionSql({})}) s) AS satisfaction,
  (SELECT count(*) FROM places WHERE level = 'compound') AS compounds,
  (SELECT count(*) FROM buildings) AS buildings,
  (SELECT share FROM (${unplacedShareSql()}) u) AS unplaced_share
FROM tickets`;
}

/** Compounds with their geometry and tickets per 1,000 households as `value`. */
export function compoundRateSql(): string {
  return `WITH counts AS (SELECT compound_id, count(*) AS tickets FROM tickets GROUP BY compound_id)
SELECT p.place_id, p.name, p.lon, p.lat, p.households, p.geometry,
  coalesce(c.tickets, 0) AS tickets,
  1000.0 * coalesce(c.tickets, 0) / nullif(p.households, 0) AS value
FROM places p LEFT JOIN counts c ON c.compound_id = p.place_id
WHERE p.level = 'compound'
ORDER BY p.place_id`;
}

export function ticketsByStreetSql(): string {
  return `SELECT p.place_id, p.name, count(t.ticket_id) AS tickets,
  count(t.ticket_id) FILTER (WHERE t.status = 'open') AS open
FROM places p LEFT JOIN tickets t ON t.street_id = p.place_id
WHERE p.level = 'street'
GROUP BY ALL
ORDER BY tickets DESC, p.place_id`;
}

export function placeGeometrySql(level: "street" | "community" | "compound"): string {
  return `SELECT place_id, name, lon, lat, households, geometry FROM places WHERE level = '${level}' ORDER BY place_id`;
}

export function mapFeatureSql(layer: "road" | "water"): string {
  return `SELECT feature_id, kind, name, geometry FROM map_features WHERE layer = '${layer}'`;
}
