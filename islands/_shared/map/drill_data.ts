/** Loads what the map page needs once: the district's geometry, the drill ladder, labels, cells and choices. */
import type { Connector } from "../../../lib/db/connector.ts";
import { BUILDINGS_SQL, choicesSql, newestDaySql, OUTLINES_SQL, PLACES_SQL } from "../../../lib/drill/district_sql.ts";
import { type BuildingRow, type PlaceIndex, placeIndex, type PlaceRow } from "../../../lib/drill/path.ts";
import { hexFeatures } from "../../../lib/map/hexes.ts";
import { labelFeatures, type LabelRow } from "../../../lib/map/labels.ts";
import { HEX_RESOLUTION } from "../../../lib/map/layers.ts";
import type { DrillStyle } from "../../../lib/map/style.ts";
import { type DistrictData, loadDistrict } from "../district_data.ts";

export interface Choices {
  categories: string[];
  kinds: string[];
  sources: string[];
  statuses: string[];
}

export interface DrillData {
  district: DistrictData;
  index: PlaceIndex;
  households: Map<string, number | null>;
  newestDay: string;
  style: DrillStyle;
  choices: Choices;
}

export async function loadDrillData(db: Connector, basemapTiles: string | null): Promise<DrillData> {
  const values = (column: Parameters<typeof choicesSql>[0]) =>
    db.query<{ value: string }>(choicesSql(column)).then((rows) => rows.map((r) => r.value));
  const [district, places, buildings, newest, outlines, categories, kinds, sources, statuses] = await Promise.all([
    loadDistrict(db, true),
    db.query<PlaceRow & { households: number | null; lon: number; lat: number }>(PLACES_SQL),
    db.query<BuildingRow & { lon: number; lat: number }>(BUILDINGS_SQL),
    db.query<{ day: string | null }>(newestDaySql()),
    db.query<{ geometry: string }>(OUTLINES_SQL),
    values("category"),
    values("kind"),
    values("source"),
    values("status"),
  ]);
  const labels: LabelRow[] = [
    ...places,
    ...buildings.map((b) => ({ level: "building", name: b.name, lon: b.lon, lat: b.lat })),
  ];
  return {
    district,
    index: placeIndex(places, buildings),
    households: new Map(places.filter((p) => p.level === "compound").map((p) => [p.place_id, p.households])),
    newestDay: newest[0]?.day ?? new Date().toISOString().slice(0, 10),
    style: {
      hexes: hexFeatures(outlines.map((o) => o.geometry), HEX_RESOLUTION),
      labels: labelFeatures(labels),
      ...basemapTiles ? { basemapTiles } : {},
    },
    choices: { categories, kinds, sources, statuses },
  };
}
