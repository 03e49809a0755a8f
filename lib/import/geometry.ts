/**
 * Polygons in the packed form the spatial lookups use (`PackedPolygons`). Point-in-polygon
 * is a tight even-odd loop over typed arrays rather than turf's booleanPointInPolygon,
 * which builds GeoJSON objects per call and is several times short of 1M tickets/s.
 */
import Flatbush from "flatbush";

export type Position = number[];
export type PolygonCoords = Position[][];
export type PolygonGeometry =
  | { type: "Polygon"; coordinates: PolygonCoords }
  | { type: "MultiPolygon"; coordinates: PolygonCoords[] };

export type PointGeometry = { type: "Point"; coordinates: Position };
/** What places and buildings may be: areas, or points where a map service gives only a point. */
export type Geometry = PolygonGeometry | PointGeometry;

/** Whether stored geometry text is a point (written by places.ts, so `type` comes first). */
export function isPointText(json: string): boolean {
  return json.startsWith('{"type":"Point"');
}

export function parts(geometry: PolygonGeometry): PolygonCoords[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
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

const METRES_PER_DEGREE = 111_320;

/** Metres per degree of longitude and of latitude near a latitude (plenty for tens of metres). */
export function metresPerDegree(lat: number): [number, number] {
  return [METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180), METRES_PER_DEGREE];
}

/**
 * Polygons packed for the lookups: every polygon's rings, closed, one after another in one
 * array of lon,lat pairs, separated by a NaN pair (an edge to or from NaN crosses nothing
 * and is never nearest), and their boxes in another. A test of polygon `i` reads two short
 * runs of memory; an object per polygon, its list of rings and a buffer per ring cost a
 * lookup among 100k buildings three times the reads.
 */
export class PackedPolygons {
  readonly length: number;
  /** minX, minY, maxX, maxY of polygon i at 4i … 4i + 3. */
  readonly boxes: Float64Array;
  /** Polygon i's pairs lie at #spans[i] … #spans[i + 1] - 1 of #coords, by index of the pair's x. */
  readonly #spans: Int32Array;
  readonly #coords: Float64Array;

  constructor(geometries: PolygonGeometry[]) {
    this.length = geometries.length;
    this.boxes = new Float64Array(4 * geometries.length);
    this.#spans = new Int32Array(geometries.length + 1);
    const rings = geometries.map((g) => parts(g).flat());
    const pairs = rings.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length + 2, 0), 0);
    this.#coords = new Float64Array(2 * pairs);
    let at = 0;
    const put = (x: number, y: number) => {
      this.#coords[at++] = x;
      this.#coords[at++] = y;
    };
    rings.forEach((polygon, i) => {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      polygon.forEach((ring, r) => {
        if (r > 0) put(NaN, NaN);
        for (const [x, y] of ring) {
          put(x, y);
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        const [x0, y0] = ring[0], [xn, yn] = ring[ring.length - 1];
        if (x0 !== xn || y0 !== yn) put(x0, y0);
      });
      this.boxes.set([minX, minY, maxX, maxY], 4 * i);
      this.#spans[i + 1] = at;
    });
    this.#coords = this.#coords.subarray(0, at);
  }

  /** The boxes in flatbush, for the polygons near a point or a box (its ids are the polygons' indexes). */
  boxIndex(): Flatbush {
    const index = new Flatbush(this.length);
    const b = this.boxes;
    for (let i = 0; i < this.length; i++) index.add(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]);
    index.finish();
    return index;
  }

  /** The polygons whose boxes meet polygon i's box, itself included. */
  boxNeighbours(index: Flatbush, i: number): number[] {
    const b = this.boxes;
    return index.search(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]);
  }

  /** Even-odd over all rings: holes and the parts of a MultiPolygon come out right together. */
  contains(i: number, x: number, y: number): boolean {
    const b = this.boxes, o = 4 * i;
    if (x < b[o] || x > b[o + 2] || y < b[o + 1] || y > b[o + 3]) return false;
    const c = this.#coords;
    let inside = false;
    for (let k = this.#spans[i] + 2, end = this.#spans[i + 1]; k < end; k += 2) {
      const yi = c[k + 1], yj = c[k - 1];
      if ((yi > y) !== (yj > y) && x < ((c[k - 2] - c[k]) * (y - yi)) / (yj - yi) + c[k]) inside = !inside;
    }
    return inside;
  }

  /**
   * Whether the closed box lies in polygon i's interior, touching no edge: then every point
   * in it is inside by `contains`, whichever rule decides points on an edge.
   */
  containsBox(i: number, x0: number, y0: number, x1: number, y1: number): boolean {
    if (![[x0, y0], [x1, y0], [x0, y1], [x1, y1]].every(([x, y]) => this.contains(i, x, y))) return false;
    const c = this.#coords;
    for (let k = this.#spans[i] + 2; k < this.#spans[i + 1]; k += 2) {
      if (Number.isNaN(c[k - 2]) || Number.isNaN(c[k])) continue;
      if (segmentMeetsBox(c[k - 2], c[k - 1], c[k], c[k + 1], x0, y0, x1, y1)) return false;
    }
    return true;
  }

  /** The distance in metres from a point to polygon i's nearest edge. */
  distanceToEdges(i: number, x: number, y: number): number {
    const [kx, ky] = metresPerDegree(y);
    const c = this.#coords;
    let best = Infinity;
    for (let k = this.#spans[i] + 2; k < this.#spans[i + 1]; k += 2) {
      const ax = (c[k - 2] - x) * kx, ay = (c[k - 1] - y) * ky;
      const bx = (c[k] - x) * kx, by = (c[k + 1] - y) * ky;
      const dx = bx - ax, dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
      const cx = ax + t * dx, cy = ay + t * dy;
      // A NaN pair's edges give NaN, which never wins.
      if (cx * cx + cy * cy < best) best = cx * cx + cy * cy;
    }
    return Math.sqrt(best);
  }
}
