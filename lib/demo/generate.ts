/**
 * The embedded demo district (示范数据): a fictional district of a northern
 * Chinese city with its roads, streets, communities, grids, compounds,
 * buildings, party organisation, three years of residents' tickets and their
 * callbacks, publication and replies, in the canonical tables of lib/schema.ts. Deterministic: the same
 * options always give the same output, byte for byte.
 */
import { buildBuildings } from "./buildings.ts";
import { callbackColumns, draftCallbacks } from "./callbacks.ts";
import { calendarColumns } from "../calendar/calendar.ts";
import { toColumns } from "./columns.ts";
import { buildOrganisation } from "./organisation.ts";
import { buildPlaces, compoundFigures, placeRows } from "./places.ts";
import { polygonJson, rectangle, toLonLat } from "./geometry.ts";
import { plantEvents, type PlantPlan } from "./planted.ts";
import { draftPublication } from "./publication.ts";
import { createRandom } from "./random.ts";
import { buildLattice, mapFeatures } from "./roads.ts";
import { draftTickets, ticketColumns } from "./tickets.ts";
import type { Columns } from "../schema.ts";

export const DEFAULT_SEED = 20240419;
export const DEFAULT_TICKETS = 300_000;
/** A fixed "now" (midnight, 16 November 2026, Beijing time), so the output never depends on the clock. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 15, 16);

export interface DemoOptions {
  seed?: number;
  tickets?: number;
  now?: number;
  /** Events planted for validating the early warning (bench/alerts.bench.ts); none by default. */
  plan?: PlantPlan;
}

export function generateDemo(options: DemoOptions = {}): Record<string, Columns> {
  const { seed = DEFAULT_SEED, tickets = DEFAULT_TICKETS, now = DEFAULT_NOW, plan } = options;
  const random = (label: string) => createRandom(seed, label);

  const lattice = buildLattice(random("roads"));
  const places = buildPlaces(lattice, random("places"));
  const buildings = buildBuildings(places.compounds, random("buildings"));
  const households = places.compounds.map(() => 0);
  for (const b of buildings) households[b.compound] += b.households;
  const figuresRandom = random("figures");
  const figures = places.compounds.map((c, i) => compoundFigures(c.type, households[i], figuresRandom));
  const org = buildOrganisation(places.compounds, buildings, households, random("organisation"));

  const { draft, profiles, calendar, firstDay } = draftTickets(
    places,
    buildings,
    org,
    tickets,
    now,
    random("tickets"),
  );
  const callbacks = draftCallbacks(draft, calendar, random("callbacks"));
  const ticketTable = ticketColumns(
    draft,
    profiles,
    places,
    buildings,
    org,
    firstDay,
    callbacks.reopened,
    random("reporters"),
  );
  Object.assign(ticketTable, draftPublication(draft, places, buildings, random("publication")));

  const index = new Map(places.compounds.map((c, i) => [c, i]));
  const tables = {
    places: toColumns("places", placeRows(lattice, places, (c) => figures[index.get(c)!])),
    buildings: toColumns(
      "buildings",
      buildings.map((b) => {
        const [lon, lat] = toLonLat([(b.rect[0] + b.rect[2]) / 2, (b.rect[1] + b.rect[3]) / 2]);
        return {
          building_id: b.id,
          compound_id: places.compounds[b.compound].id,
          name: b.name,
          floors: b.floors,
          units: b.units,
          households: b.households,
          height: b.height,
          lon,
          lat,
          geometry: polygonJson(rectangle(...b.rect)),
        };
      }),
    ),
    map_features: toColumns("map_features", mapFeatures(lattice, places.park, random("basemap"))),
    branches: toColumns("branches", org.branches),
    branch_compounds: toColumns("branch_compounds", org.branchCompounds),
    building_groups: toColumns("building_groups", org.buildingGroups),
    group_buildings: toColumns("group_buildings", org.groupBuildings),
    member_households: toColumns("member_households", org.memberHouseholds),
    compound_members: toColumns("compound_members", org.compoundMembers),
    tickets: ticketTable,
    callbacks: callbackColumns(callbacks, ticketTable.ticket_id),
    calendar: calendarColumns(),
    // Generated, not imported: no data-quality notes.
    import_notes: toColumns("import_notes", []),
  };
  return plan ? plantEvents(tables, plan, now, random("planted")) : tables;
}
