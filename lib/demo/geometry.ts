/**
 * The demo district is laid out in a flat local frame in metres (x east, y north)
 * and only projected to WGS84 when written out: at 6 km across, an
 * equirectangular projection is accurate to centimetres and keeps layout maths
 * simple and exact.
 */
import * as turf from "@turf/turf";

export type Point = [number, number];
export type Ring = Point[];

/** The south-west corner of the district (a northern Chinese city; see ASSUMPTIONS.md). */
export const ORIGIN_LON = 112.52;
export const ORIGIN_LAT = 37.83;
const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LON = 111_320 * Math.cos(ORIGIN_LAT * Math.PI / 180);

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function toLonLat([x, y]: Point): Point {
  return [
    round6(ORIGIN_LON + x / METRES_PER_DEGREE_LON),
    round6(ORIGIN_LAT + y / METRES_PER_DEGREE_LAT),
  ];
}

/** GeoJSON rings are closed and, per RFC 7946, counter-clockwise. */
function closedLonLatRing(ring: Ring): Point[] {
  const ccw = signedArea(ring) > 0 ? ring : [...ring].reverse();
  const out = ccw.map(toLonLat);
  out.push(out[0]);
  return out;
}

export function polygonJson(ring: Ring): string {
  return JSON.stringify({ type: "Polygon", coordinates: [closedLonLatRing(ring)] });
}

export function lineJson(line: Point[]): string {
  return JSON.stringify({ type: "LineString", coordinates: line.map(toLonLat) });
}

export function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

/** Area in m² and centre of mass in lon/lat, measured by turf on the WGS84 polygon. */
export function measure(ring: Ring): { areaM2: number; lon: number; lat: number } {
  const polygon = turf.polygon([closedLonLatRing(ring)]);
  const [lon, lat] = turf.centerOfMass(polygon).geometry.coordinates;
  return { areaM2: Math.round(turf.area(polygon) * 10) / 10, lon: round6(lon), lat: round6(lat) };
}

/**
 * A test for axis-aligned rectangles lying inside a simple polygon at least
 * `margin` metres from its boundary: every corner inside and clear of the
 * boundary, and no polygon vertex poking into the rectangle.
 */
export function rectangleTester(ring: Ring, margin: number) {
  const polygon = turf.polygon([[...ring, ring[0]]]);
  const segments = ring.map((p, i) => [p, ring[(i + 1) % ring.length]] as const);
  const clearOfEdges = ([px, py]: Point) =>
    segments.every(([[ax, ay], [bx, by]]) => {
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(px - ax - t * dx, py - ay - t * dy) >= margin;
    });
  return (x0: number, y0: number, x1: number, y1: number): boolean =>
    ([[x0, y0], [x1, y0], [x1, y1], [x0, y1]] as Point[]).every((p) =>
      turf.booleanPointInPolygon(p, polygon) && clearOfEdges(p)
    ) &&
    !ring.some(([x, y]) => x > x0 - margin && x < x1 + margin && y > y0 - margin && y < y1 + margin);
}

/**
 * A convex quadrilateral (south-west, south-east, north-east, north-west corners)
 * parametrised bilinearly: lines of constant u or v are straight, so sub-rectangles
 * of the unit square map to quadrilaterals that tile the quad without overlap.
 */
export type Quad = [Point, Point, Point, Point];

export function bilinear([sw, se, ne, nw]: Quad, u: number, v: number): Point {
  const sx = sw[0] + (se[0] - sw[0]) * u;
  const sy = sw[1] + (se[1] - sw[1]) * u;
  const nx = nw[0] + (ne[0] - nw[0]) * u;
  const ny = nw[1] + (ne[1] - nw[1]) * u;
  return [sx + (nx - sx) * v, sy + (ny - sy) * v];
}

export function subQuad(quad: Quad, u0: number, v0: number, u1: number, v1: number): Quad {
  return [
    bilinear(quad, u0, v0),
    bilinear(quad, u1, v0),
    bilinear(quad, u1, v1),
    bilinear(quad, u0, v1),
  ];
}

export function quadSize([sw, se, ne, nw]: Quad): { width: number; depth: number } {
  const d = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  return { width: (d(sw, se) + d(nw, ne)) / 2, depth: (d(sw, nw) + d(se, ne)) / 2 };
}

export function ringBounds(ring: Ring): [number, number, number, number] {
  const [x0, y0, x1, y1] = turf.bbox(turf.lineString([...ring, ring[0]]));
  return [x0, y0, x1, y1];
}

/** An axis-aligned rectangle as a counter-clockwise ring. */
export function rectangle(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}
