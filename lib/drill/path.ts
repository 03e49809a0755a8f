/**
 * The drill-down ladder district → street → community → compound → building: which
 * level a click on the map picks next, and the breadcrumb leading back up. Places and
 * buildings come from the store as rows; this file only walks their parent links.
 */
import type { PlaceRef } from "./state.ts";

export const DRILL_LEVELS = ["district", "street", "community", "compound", "building"] as const;
export type DrillLevel = typeof DRILL_LEVELS[number];

export interface PlaceInfo {
  id: string;
  level: Exclude<DrillLevel, "district">;
  name: string;
  /** The enclosing place one level up; null directly under the district. */
  parent: string | null;
}

/** Every drillable place by id; buildings and places share one namespace only through the level. */
export type PlaceIndex = Map<string, PlaceInfo>;

const key = (level: string, id: string) => `${level}:${id}`;

export interface PlaceRow {
  place_id: string;
  level: string;
  name: string;
  street_id: string | null;
  community_id: string | null;
}

export interface BuildingRow {
  building_id: string;
  compound_id: string | null;
  name: string;
}

/** Streets, communities and compounds (grids are skipped: the ladder goes by community) and buildings. */
export function placeIndex(places: PlaceRow[], buildings: BuildingRow[]): PlaceIndex {
  const index: PlaceIndex = new Map();
  const parentOf: Record<string, (p: PlaceRow) => string | null> = {
    street: () => null,
    community: (p) => p.street_id,
    compound: (p) => p.community_id,
  };
  for (const p of places) {
    const parent = parentOf[p.level];
    if (!parent) continue;
    const level = p.level as PlaceInfo["level"];
    index.set(key(level, p.place_id), { id: p.place_id, level, name: p.name, parent: parent(p) });
  }
  return indexWithBuildings(index, buildings);
}

/** The index with the buildings added under their compounds; the given index is left as it was. */
export function indexWithBuildings(index: PlaceIndex, buildings: BuildingRow[]): PlaceIndex {
  const extended: PlaceIndex = new Map(index);
  for (const b of buildings) {
    extended.set(key("building", b.building_id), {
      id: b.building_id,
      level: "building",
      name: b.name,
      parent: b.compound_id,
    });
  }
  return extended;
}

/**
 * Whether a view at this level shows buildings (a compound's list of them, a building's
 * breadcrumb): above it the page draws and fills in without its 100k buildings.
 */
export function showsBuildings(level: DrillLevel): boolean {
  return level === "compound" || level === "building";
}

/** The places one level down from each place (the district's streets under `street|`), made once per index. */
export function childrenByParent(index: PlaceIndex): Map<string, PlaceInfo[]> {
  const children = new Map<string, PlaceInfo[]>();
  for (const place of index.values()) {
    const at = childrenKey(place.level, place.parent);
    const list = children.get(at);
    if (list) list.push(place);
    else children.set(at, [place]);
  }
  return children;
}

export function childrenKey(level: PlaceInfo["level"], parent: string | null): string {
  return `${level}|${parent ?? ""}`;
}

export function findPlace(index: PlaceIndex, ref: PlaceRef | null): PlaceInfo | undefined {
  return ref ? index.get(key(ref.level, ref.id)) : undefined;
}

/** The level a click picks at each level; a building is the bottom. */
export function childLevel(level: DrillLevel): PlaceInfo["level"] | null {
  const i = DRILL_LEVELS.indexOf(level);
  return i < DRILL_LEVELS.length - 1 ? DRILL_LEVELS[i + 1] as PlaceInfo["level"] : null;
}

export function parentLevel(level: PlaceInfo["level"]): DrillLevel {
  return DRILL_LEVELS[DRILL_LEVELS.indexOf(level) - 1];
}

export interface Crumb {
  level: DrillLevel;
  /** null for the district. */
  place: PlaceRef | null;
  name: string | null;
}

/**
 * 区 › 街道 › 社区 › 小区 › 楼栋 down to the place. A place whose parent is missing from
 * the index (a compound without a community, say) keeps the levels it can name.
 */
export function breadcrumb(index: PlaceIndex, ref: PlaceRef | null): Crumb[] {
  const chain: Crumb[] = [];
  let current = findPlace(index, ref);
  while (current) {
    chain.unshift({ level: current.level, place: { level: current.level, id: current.id }, name: current.name });
    if (current.parent === null || current.level === "street") break;
    current = index.get(key(parentLevel(current.level), current.parent));
  }
  return [{ level: "district", place: null, name: null }, ...chain];
}

/** The place one step up, for "back up" and Escape. */
export function parentRef(index: PlaceIndex, ref: PlaceRef | null): PlaceRef | null {
  const crumbs = breadcrumb(index, ref);
  return crumbs.length > 1 ? crumbs[crumbs.length - 2].place : null;
}
