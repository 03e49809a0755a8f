/**
 * What the map page loads from the store once: the drill ladder of places, each place's
 * extent and the H3 cells; what the tickets say about themselves (newest day, filter
 * choices); and the buildings, which only views at a compound or below need (100k of them
 * cost a second of the page's main thread, so they usually come after the first figures).
 * The map itself draws from the server's tiles and needs none of it.
 */
import type { Connector } from "../../lib/db/connector.ts";
import { BUILDINGS_SQL, choicesSql, newestDaySql, OUTLINES_SQL, PLACES_SQL } from "../../lib/drill/district_sql.ts";
import {
  type BuildingRow,
  childrenByParent,
  indexWithBuildings,
  type PlaceIndex,
  placeIndex,
  type PlaceInfo,
  type PlaceRow,
} from "../../lib/drill/path.ts";
import { type Bounds, bounds, type FeatureCollection, rowsToFeatures } from "../../lib/map/geojson.ts";
import { hexFeatures } from "../../lib/map/hexes.ts";
import { HEX_RESOLUTION } from "../../lib/map/layers.ts";
import { placeGeometrySql } from "../../lib/metrics/overview.ts";

export interface Choices {
  categories: string[];
  kinds: string[];
  sources: string[];
  statuses: string[];
}

export interface DrillGeometry {
  index: PlaceIndex;
  /** `childrenByParent(index)`: a list of places without a walk over 100k buildings. */
  children: Map<string, PlaceInfo[]>;
  /** Each place's and building's extent by `level:id`, for fitting the map to it. */
  extents: Map<string, Bounds>;
  /** Compound centres, for finding the compounds inside a drawn area. */
  compounds: { id: string; lon: number; lat: number }[];
  households: Map<string, number | null>;
  hexes: FeatureCollection;
  /** Whether the ladder holds the buildings yet (`withBuildings`). */
  buildings: boolean;
}

export interface TicketMeta {
  newestDay: string;
  choices: Choices;
}

/** A building is fitted by a box this far (in degrees, ~30 m) around its centre. */
const BUILDING_MARGIN = 0.0003;
/** Around a place stored as a point, a compound's usual size (~300 m). */
const POINT_MARGIN = 0.0015;

/** The ladder down to compounds, with the extents and the H3 cells. */
export async function loadDrillGeometry(db: Connector): Promise<DrillGeometry> {
  const [shapes, places, outlines] = await Promise.all([
    Promise.all((["street", "community", "compound"] as const).map((level) => db.query(placeGeometrySql(level)))),
    db.query<PlaceRow & { households: number | null; lon: number; lat: number }>(PLACES_SQL),
    db.query<{ geometry: string }>(OUTLINES_SQL),
  ]);
  const index = placeIndex(places, []);
  const extents = new Map<string, Bounds>();
  (["street", "community", "compound"] as const).forEach((level, i) => {
    for (const f of rowsToFeatures(shapes[i]).features) {
      const b = bounds({ type: "FeatureCollection", features: [f] });
      // A compound stored as a point has no extent: framed as its surroundings, not at the deepest zoom.
      const extent = b[0] === b[2] && b[1] === b[3] ? around(b[0], b[1], POINT_MARGIN) : b;
      extents.set(`${level}:${f.properties.place_id}`, extent);
    }
  });
  const compounds = places.filter((p) => p.level === "compound");
  return {
    index,
    children: childrenByParent(index),
    extents,
    compounds: compounds.filter((p) => p.lon != null && p.lat != null).map((p) => ({
      id: p.place_id,
      lon: p.lon,
      lat: p.lat,
    })),
    households: new Map(compounds.map((p) => [p.place_id, p.households])),
    hexes: hexFeatures(outlines.map((o) => o.geometry), HEX_RESOLUTION),
    buildings: false,
  };
}

/**
 * The geometry with the buildings on its ladder. The buildings are asked at once, beside
 * whatever is still computing the geometry; what the buildings do not change (compounds,
 * households, cells) is the same object, so views keyed by it are not computed again.
 */
export async function withBuildings(db: Connector, geometry: Promise<DrillGeometry>): Promise<DrillGeometry> {
  const [buildings, places] = await Promise.all([
    db.query<BuildingRow & { lon: number | null; lat: number | null }>(BUILDINGS_SQL),
    geometry,
  ]);
  const index = indexWithBuildings(places.index, buildings);
  const extents = new Map(places.extents);
  for (const b of buildings) {
    if (b.lon == null || b.lat == null) continue;
    extents.set(`building:${b.building_id}`, around(b.lon, b.lat, BUILDING_MARGIN));
  }
  return { ...places, index, children: childrenByParent(index), extents, buildings: true };
}

const around = (lon: number, lat: number, m: number): Bounds => [lon - m, lat - m, lon + m, lat + m];

/** Before the store's tables are in: the map draws from tiles meanwhile. */
export const NO_GEOMETRY: DrillGeometry = {
  index: new Map(),
  children: new Map(),
  extents: new Map(),
  compounds: [],
  households: new Map(),
  hexes: { type: "FeatureCollection", features: [] },
  buildings: false,
};

export async function loadTicketMeta(db: Connector): Promise<TicketMeta> {
  const values = (column: Parameters<typeof choicesSql>[0]) =>
    db.query<{ value: string }>(choicesSql(column)).then((rows) => rows.map((r) => r.value));
  const [newest, categories, kinds, sources, statuses] = await Promise.all([
    db.query<{ day: string | null }>(newestDaySql()),
    values("category"),
    values("kind"),
    values("source"),
    values("status"),
  ]);
  return {
    newestDay: newest[0]?.day ?? new Date().toISOString().slice(0, 10),
    choices: { categories, kinds, sources, statuses },
  };
}
