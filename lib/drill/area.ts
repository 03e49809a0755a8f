/**
 * An area drawn on the map to filter by: its outline as the URL holds it, whether it is
 * usable, and which compounds it takes in. A compound is in the area when its centre
 * point (`places.lon`/`lat`, where its label sits) is inside or on the outline, so two
 * areas sharing an edge never both count a compound and their figures add up.
 */
import { area as areaM2, booleanPointInPolygon, kinks, multiPolygon, polygon, unkinkPolygon } from "@turf/turf";

export type LonLat = [number, number];

/** The outline's corners in drawing order, the first not repeated at the end. */
export type AreaRing = LonLat[];

export interface CompoundPoint {
  id: string;
  lon: number;
  lat: number;
}

/** Why a drawn outline cannot be used; each is a message under `area.`. */
export type AreaProblem = "too_few_points" | "self_crossing";

/** About 1 m: finer than anyone draws, and the URL stays short. */
const DECIMALS = 5;
/** Below this an outline is a line, not an area (three corners in a row, say). */
const MIN_AREA_M2 = 1;

const round = (v: number) => Number(v.toFixed(DECIMALS));

/** `lon,lat;lon,lat;…`, 5 decimals. */
export function encodeArea(ring: AreaRing): string {
  return ring.map(([lon, lat]) => `${lon.toFixed(DECIMALS)},${lat.toFixed(DECIMALS)}`).join(";");
}

/** The URL's outline, or null when it is malformed or not a usable area. */
export function decodeArea(text: string | null): AreaRing | null {
  if (!text) return null;
  const points: LonLat[] = [];
  for (const pair of text.split(";")) {
    const parts = pair.split(",");
    if (parts.length !== 2 || parts.some((p) => p.trim() === "")) return null;
    const [lon, lat] = parts.map(Number);
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
    points.push([lon, lat]);
  }
  const checked = checkArea(points);
  return "ring" in checked ? checked.ring : null;
}

/**
 * The corners as the URL will hold them (rounded, repeats and the closing corner dropped),
 * so the page filters by exactly what a copied link restores; or why they make no area.
 */
export function checkArea(points: LonLat[]): { ring: AreaRing } | { problem: AreaProblem } {
  const ring: AreaRing = [];
  for (const [lon, lat] of points) {
    const point: LonLat = [round(lon), round(lat)];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
  if (ring.length < 3) return { problem: "too_few_points" };
  const shape = areaShape(ring);
  if (!shape) return { problem: "self_crossing" };
  if (areaM2(shape) < MIN_AREA_M2) return { problem: "too_few_points" };
  return { ring };
}

/** The outline as a closed GeoJSON polygon, as drawn (crossings included). */
function areaPolygon(ring: AreaRing): { type: "Polygon"; coordinates: LonLat[][] } {
  return { type: "Polygon", coordinates: [[...ring, ring[0]]] };
}

/** The outline as a GeoJSON collection of that one polygon, for the map. */
export function areaFeatures(ring: AreaRing) {
  return {
    type: "FeatureCollection" as const,
    features: [{ type: "Feature" as const, geometry: areaPolygon(ring), properties: {} }],
  };
}

/**
 * The area to test points against. An outline crossing itself (a figure of eight) is split
 * by Turf into the loops it encloses; one Turf cannot split (a corner visited twice) is null.
 */
function areaShape(ring: AreaRing): ReturnType<typeof multiPolygon> | null {
  const drawn = polygon(areaPolygon(ring).coordinates);
  if (kinks(drawn).features.length === 0) return multiPolygon([drawn.geometry.coordinates]);
  try {
    return multiPolygon(unkinkPolygon(drawn).features.map((f) => f.geometry.coordinates));
  } catch {
    return null;
  }
}

/** The ids of the compounds whose centre point is inside the area or on its outline, in input order. */
export function compoundsInArea(ring: AreaRing, compounds: CompoundPoint[]): string[] {
  const shape = areaShape(ring);
  if (!shape) throw new Error(`the area ${encodeArea(ring)} crosses itself and cannot be split into loops`);
  return compounds.filter((c) => booleanPointInPolygon([c.lon, c.lat], shape)).map((c) => c.id);
}
