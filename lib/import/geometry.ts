/**
 * Polygons in the flat form the spatial lookups use: every ring of every part as a
 * Float64Array of lon,lat pairs, with its bounding box. Point-in-polygon is a tight
 * even-odd loop over those arrays rather than turf's booleanPointInPolygon, which
 * builds GeoJSON objects per call and is several times short of 1M tickets/s.
 */

export type Position = number[];
export type PolygonCoords = Position[][];
export type PolygonGeometry =
  | { type: "Polygon"; coordinates: PolygonCoords }
  | { type: "MultiPolygon"; coordinates: PolygonCoords[] };

export type PointGeometry = { type: "Point"; coordinates: Position };
/** What places and buildings may be: areas, or points where a map service gives only a point. */
export type Geometry = PolygonGeometry | PointGeometry;

export interface FlatPolygon {
  rings: Float64Array[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Whether stored geometry text is a point (written by places.ts, so `type` comes first). */
export function isPointText(json: string): boolean {
  return json.startsWith('{"type":"Point"');
}

export function parts(geometry: PolygonGeometry): PolygonCoords[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

export function flatten(geometry: PolygonGeometry): FlatPolygon {
  const flat: FlatPolygon = { rings: [], minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const polygon of parts(geometry)) {
    for (const ring of polygon) {
      const xy = new Float64Array(ring.length * 2);
      ring.forEach(([x, y], i) => {
        xy[2 * i] = x;
        xy[2 * i + 1] = y;
        if (x < flat.minX) flat.minX = x;
        if (x > flat.maxX) flat.maxX = x;
        if (y < flat.minY) flat.minY = y;
        if (y > flat.maxY) flat.maxY = y;
      });
      flat.rings.push(xy);
    }
  }
  return flat;
}

/** Even-odd over all rings: holes and the parts of a MultiPolygon come out right together. */
export function contains(p: FlatPolygon, x: number, y: number): boolean {
  if (x < p.minX || x > p.maxX || y < p.minY || y > p.maxY) return false;
  let inside = false;
  for (const ring of p.rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const yi = ring[i + 1], yj = ring[j + 1];
      if ((yi > y) !== (yj > y) && x < ((ring[j] - ring[i]) * (y - yi)) / (yj - yi) + ring[i]) inside = !inside;
    }
  }
  return inside;
}

/** Whether the segment a–b meets the closed box (Liang–Barsky clipping). */
function segmentMeetsBox(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): boolean {
  let t0 = 0, t1 = 1;
  const dx = bx - ax, dy = by - ay;
  for (const [p, q] of [[-dx, ax - x0], [dx, x1 - ax], [-dy, ay - y0], [dy, y1 - ay]]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * Whether the closed box lies in the polygon's interior, touching no edge: then every
 * point in it is inside by `contains`, whichever rule decides points on an edge.
 */
export function containsBox(p: FlatPolygon, x0: number, y0: number, x1: number, y1: number): boolean {
  if (!contains(p, x0, y0) || !contains(p, x1, y0) || !contains(p, x0, y1) || !contains(p, x1, y1)) return false;
  for (const ring of p.rings) {
    for (let i = 2; i < ring.length; i += 2) {
      if (segmentMeetsBox(ring[i - 2], ring[i - 1], ring[i], ring[i + 1], x0, y0, x1, y1)) return false;
    }
  }
  return true;
}

const METRES_PER_DEGREE = 111_320;

/** Metres per degree of longitude and of latitude near a latitude (plenty for tens of metres). */
export function metresPerDegree(lat: number): [number, number] {
  return [METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180), METRES_PER_DEGREE];
}

/** The distance in metres from a point to a polygon's nearest edge. */
export function distanceToEdges(p: FlatPolygon, x: number, y: number): number {
  const [kx, ky] = metresPerDegree(y);
  let best = Infinity;
  for (const ring of p.rings) {
    for (let i = 2; i < ring.length; i += 2) {
      const ax = (ring[i - 2] - x) * kx, ay = (ring[i - 1] - y) * ky;
      const bx = (ring[i] - x) * kx, by = (ring[i + 1] - y) * ky;
      const dx = bx - ax, dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
      const cx = ax + t * dx, cy = ay + t * dy;
      best = Math.min(best, cx * cx + cy * cy);
    }
  }
  return Math.sqrt(best);
}
