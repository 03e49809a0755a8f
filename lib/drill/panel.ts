/**
 * The place panel's queries: every figure of a place (street, community, compound or
 * building, or the whole district) under the page's filter, built from lib/metrics, plus
 * the compound's profile and the building's tickets, group and member households.
 */
import type { Connector, Row } from "../db/connector.ts";
import { backlogSql, openAtEnd, overdueListSql } from "../metrics/backlog.ts";
import { coverageGapsSql, coverageSql } from "../metrics/coverage.ts";
import { escalationSql } from "../metrics/escalation.ts";
import { type Filter, filterSql } from "../metrics/filter.ts";
import { publicationSql } from "../metrics/publication.ts";
import { ratesSql } from "../metrics/rates.ts";
import { repeatsSql } from "../metrics/repeats.ts";
import { resolutionSql } from "../metrics/resolution.ts";
import { sqlString } from "../metrics/sql.ts";
import { volumeSql } from "../metrics/volume.ts";
import type { PlaceRef } from "./state.ts";

export const TOP_CATEGORIES = 5;
export const TICKET_LIST_LIMIT = 50;
export const OVERDUE_LIST_LIMIT = 5;

export interface PanelSql {
  volume: string;
  previous: string;
  rates: string;
  publication: string;
  resolution: string;
  categories: string;
  repeats: string;
  escalation: string;
  coverage: string | null;
  gaps: string | null;
  profile: string | null;
  building: string | null;
  tickets: string | null;
  backlog: string;
  overdue: string;
}

/** `filter` and `previous` already carry the place; `place` says which extras apply. */
export function panelSql(filter: Filter, previous: Filter, place: PlaceRef | null): PanelSql {
  const isBuilding = place?.level === "building";
  const placeOnly: Filter = { placeLevel: filter.placeLevel, placeIds: filter.placeIds };
  return {
    volume: volumeSql(filter, {}),
    previous: volumeSql(previous, {}),
    rates: ratesSql(filter),
    publication: publicationSql(filter),
    resolution: resolutionSql(filter),
    categories: `SELECT category, tickets FROM (${volumeSql(filter, { category: true })}) v
ORDER BY tickets DESC, category LIMIT ${TOP_CATEGORIES}`,
    repeats: repeatsSql(filter, { level: isBuilding || place?.level === "compound" ? "building" : "compound" }),
    escalation: escalationSql(filter),
    coverage: isBuilding ? null : coverageSql(placeOnly),
    gaps: isBuilding ? null : gapsSql(placeOnly),
    profile: place?.level === "compound" ? compoundProfileSql(place.id) : null,
    building: isBuilding ? buildingProfileSql(place.id) : null,
    tickets: isBuilding ? buildingTicketsSql(filter) : null,
    // As the backlog layers count it: open at the range's end.
    backlog: `SELECT sum(open) AS open, sum(overdue) AS overdue FROM (${backlogSql(openAtEnd(filter))}) b`,
    overdue: overdueListSql(openAtEnd(filter), { limit: OVERDUE_LIST_LIMIT }),
  };
}

/** Compounds of the place with a gap (lib/metrics/coverage.ts), weakest first. */
export function gapsSql(placeOnly: Filter): string {
  return `SELECT c.place_id, p.name, c.compounds_with_branch, c.households_linked_share, c.buildings,
  c.buildings_with_group
FROM (${coverageGapsSql(placeOnly)}) c JOIN places p ON p.place_id = c.place_id
WHERE c.gap > 0
ORDER BY c.compounds_with_branch, c.households_linked_share NULLS FIRST, c.place_id
LIMIT 20`;
}

export function compoundProfileSql(compoundId: string): string {
  return `SELECT p.name, p.compound_type, p.built_year, p.households, p.occupied_households, p.rented_households,
  p.shops, p.area_m2, p.has_property_management,
  (SELECT count(*) FROM buildings WHERE compound_id = p.place_id) AS buildings,
  (SELECT count(DISTINCT grid_id) FROM tickets WHERE compound_id = p.place_id) AS grids,
  (SELECT string_agg(b.name, '、') FROM branch_compounds bc JOIN branches b USING (branch_id)
    WHERE bc.compound_id = p.place_id) AS branch
FROM places p WHERE p.place_id = ${sqlString(compoundId)}`;
}

export function buildingProfileSql(buildingId: string): string {
  const id = sqlString(buildingId);
  return `SELECT b.name, b.floors, b.units, b.households,
  (SELECT string_agg(coalesce(g.name, g.group_id), '、') FROM group_buildings gb JOIN building_groups g USING (group_id)
    WHERE gb.building_id = b.building_id) AS building_group,
  (SELECT sum(g.members) FROM group_buildings gb JOIN building_groups g USING (group_id)
    WHERE gb.building_id = b.building_id) AS group_members,
  (SELECT count(*) FROM member_households WHERE building_id = b.building_id) AS member_households,
  (SELECT sum(households_linked) FROM member_households WHERE building_id = b.building_id) AS households_linked
FROM buildings b WHERE b.building_id = ${id}`;
}

/**
 * The building's tickets, newest first, with stage times and the reporter as this browser
 * holds them (masked by the server for masked roles, lib/access/scope.ts).
 */
export function buildingTicketsSql(filter: Filter): string {
  return `SELECT f.*, t.reporter_name, t.reporter_phone
FROM (
  SELECT ticket_id, created_at, closed_at, status, status_source, kind, category,
    dispatch_hours, accept_hours, handle_hours, overdue_open
  FROM ticket_facts WHERE ${filterSql(filter)}
) f JOIN tickets t USING (ticket_id)
ORDER BY f.created_at DESC, f.ticket_id
LIMIT ${TICKET_LIST_LIMIT}`;
}

export type PanelData = { [K in keyof PanelSql]: Row[] };

/** Runs the panel's queries. */
export async function loadPanel(db: Connector, sql: PanelSql): Promise<PanelData> {
  const entries = await Promise.all(
    Object.entries(sql).map(async ([name, text]) => [name, text ? await db.query(text) : []] as const),
  );
  return Object.fromEntries(entries) as PanelData;
}

/** Change against the previous period as a ratio; null when there was nothing to compare with. */
export function trend(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}
