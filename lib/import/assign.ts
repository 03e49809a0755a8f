/**
 * Which building, compound, grid, community and street a ticket belongs to. Each level
 * is indexed once per import; a point is looked up by its cell in a uniform grid (whose
 * cells list the polygons flatbush finds overlapping them) and then by an exact
 * point-in-polygon test (geometry.ts). The grid makes a lookup a few array reads with
 * no allocation, which is what ≥1M tickets/s needs; flatbush's own search returns a new
 * array per call. A ticket without coordinates is placed by its address text
 * (address_match.ts).
 *
 * Overlapping polygons of one level: a point inside several gets the one with the
 * smallest area, ties broken by the smallest id, and the overlap is counted so the
 * import can report it. A point outside every building but within `nearMetres` of one
 * (15 m by default) gets the nearest. A point outside every compound polygon gets the
 * nearest compound stored as a point (a map service's 小区) within `nearMetres`, of the
 * same community as the point.
 */
import { area } from "@turf/turf";
import Flatbush from "flatbush";
import type { Columns } from "../schema.ts";
import type { AddressMatcher } from "./address_match.ts";
import { isPointText, metresPerDegree, PackedPolygons, type PolygonGeometry } from "./geometry.ts";

/** Lowest first; the order of the `found` arrays below. */
export const LEVELS = ["building", "compound", "grid", "community", "street"] as const;
export type Level = typeof LEVELS[number];
const [BUILDING, COMPOUND, , COMMUNITY, STREET] = [0, 1, 2, 3, 4];

export const DEFAULT_NEAR_METRES = 15;

/** Grid cells per polygon: enough that a cell seldom lists more than one or two. */
const CELLS_PER_POLYGON = 16;
/** At least this many cells, so that a level of a few large polygons (grids, streets) has most cells inside one. */
const MIN_CELLS = 1 << 16;
const MAX_CELLS = 1 << 22;

export class LevelIndex {
  readonly polygons: PackedPolygons;
  readonly ids: string[];
  readonly areas: number[];
  #x0 = 0;
  #y0 = 0;
  #size = 1;
  #cols = 0;
  #rows = 0;
  /**
   * Cell c lists polygons #items[#starts[c]] … #items[#starts[c + 1] - 1]; a cell wholly
   * inside the only polygon it lists holds ~i instead of i (no test needed), so a lookup
   * reads one array less.
   */
  #starts = new Int32Array(1);
  #items = new Int32Array(0);

  constructor(ids: string[], geometries: string[]) {
    const parsed = geometries.map((json) => JSON.parse(json) as PolygonGeometry);
    this.polygons = new PackedPolygons(parsed);
    this.ids = [...ids];
    this.areas = parsed.map((g) => area(g));
    if (parsed.length > 0) this.#buildGrid(this.polygons.boxIndex());
  }

  #buildGrid(index: Flatbush) {
    const { minX, minY, maxX, maxY } = index;
    const cells = Math.min(MAX_CELLS, Math.max(MIN_CELLS, this.polygons.length * CELLS_PER_POLYGON));
    this.#size = Math.max(Math.sqrt(((maxX - minX) * (maxY - minY)) / cells), 1e-6);
    [this.#x0, this.#y0] = [minX, minY];
    this.#cols = Math.floor((maxX - minX) / this.#size) + 1;
    this.#rows = Math.floor((maxY - minY) / this.#size) + 1;
    const lists: number[][] = [];
    for (let r = 0; r < this.#rows; r++) {
      for (let c = 0; c < this.#cols; c++) {
        const x = minX + c * this.#size, y = minY + r * this.#size;
        const list = index.search(x, y, x + this.#size, y + this.#size);
        const inside = list.length === 1 && this.polygons.containsBox(list[0], x, y, x + this.#size, y + this.#size);
        lists.push(inside ? [~list[0]] : list);
      }
    }
    this.#starts = new Int32Array(lists.length + 1);
    lists.forEach((l, i) => this.#starts[i + 1] = this.#starts[i] + l.length);
    this.#items = Int32Array.from(lists.flat());
  }

  /**
   * The containing polygon by the overlap rule, or -1; an overlap hit is counted in
   * `overlaps` under the pair's `pairKey` (a number: a text key per point is most of the
   * time in a district of stacked buildings).
   */
  find(x: number, y: number, overlaps: Map<number, number>): number {
    const c = Math.floor((x - this.#x0) / this.#size), r = Math.floor((y - this.#y0) / this.#size);
    if (c < 0 || r < 0 || c >= this.#cols || r >= this.#rows) return -1;
    const cell = r * this.#cols + c;
    let best = -1;
    let second = -1;
    for (let k = this.#starts[cell]; k < this.#starts[cell + 1]; k++) {
      const i = this.#items[k];
      if (i < 0) return ~i;
      if (!this.polygons.contains(i, x, y)) continue;
      if (best < 0) best = i;
      else {
        second = i;
        if (this.#before(i, best)) [best, second] = [i, best];
      }
    }
    if (second >= 0) {
      const key = Math.min(best, second) * this.polygons.length + Math.max(best, second);
      overlaps.set(key, (overlaps.get(key) ?? 0) + 1);
    }
    return best;
  }

  /** The ids of an overlap counted by `find`, as `a / b` in id order. */
  pairIds(key: number): string {
    const n = this.polygons.length;
    return [this.ids[Math.floor(key / n)], this.ids[key % n]].sort().join(" / ");
  }

  /** The polygon whose edge is nearest within `metres`, read from the grid cells the search box covers. */
  nearest(x: number, y: number, metres: number): number {
    if (this.polygons.length === 0 || metres <= 0) return -1;
    const [kx, ky] = metresPerDegree(y);
    const col = (v: number) => Math.min(this.#cols - 1, Math.max(0, Math.floor((v - this.#x0) / this.#size)));
    const row = (v: number) => Math.min(this.#rows - 1, Math.max(0, Math.floor((v - this.#y0) / this.#size)));
    const [c0, c1, r0, r1] = [col(x - metres / kx), col(x + metres / kx), row(y - metres / ky), row(y + metres / ky)];
    let best = -1;
    let bestDistance = metres;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.#cols + c;
        for (let k = this.#starts[cell]; k < this.#starts[cell + 1]; k++) {
          const i = this.#items[k] < 0 ? ~this.#items[k] : this.#items[k];
          const o = 4 * i, box = this.polygons.boxes;
          // Its box farther than the best so far: its edges are too (most candidates end here).
          const bx = Math.max(box[o] - x, 0, x - box[o + 2]) * kx,
            by = Math.max(box[o + 1] - y, 0, y - box[o + 3]) * ky;
          if (bx * bx + by * by > bestDistance * bestDistance) continue;
          const d = this.polygons.distanceToEdges(i, x, y);
          if (d < bestDistance || (d === bestDistance && best >= 0 && this.ids[i] < this.ids[best])) {
            best = i;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }

  #before(a: number, b: number): boolean {
    return this.areas[a] < this.areas[b] || (this.areas[a] === this.areas[b] && this.ids[a] < this.ids[b]);
  }
}

/** Compounds stored as points, for the nearest one of a community (flatbush's k-nearest search). */
class PointIndex {
  readonly #index: Flatbush | null = null;
  constructor(readonly ids: string[], readonly xy: [number, number][], readonly communities: (string | null)[]) {
    if (ids.length === 0) return;
    this.#index = new Flatbush(ids.length);
    for (const [x, y] of xy) this.#index.add(x, y, x, y);
    this.#index.finish();
  }

  /** The nearest point within `metres` whose community is `community`, or -1. */
  nearest(x: number, y: number, metres: number, community: string | null): number {
    if (!this.#index || metres <= 0) return -1;
    const [kx, ky] = metresPerDegree(y);
    const candidates = this.#index.neighbors(
      x,
      y,
      Infinity,
      metres / Math.min(kx, ky),
      (i) => this.communities[i] === community,
    );
    let best = -1, bestDistance = metres;
    for (const i of candidates) {
      const d = Math.hypot((this.xy[i][0] - x) * kx, (this.xy[i][1] - y) * ky);
      if (d <= bestDistance) [best, bestDistance] = [i, d];
    }
    return best;
  }
}

/** The store's places and buildings, indexed for assignment. Build once, assign many. */
export class PlaceIndex {
  readonly #levels: LevelIndex[];
  readonly #overlaps = LEVELS.map(() => new Map<number, number>());
  /** A place's community and street as stored. */
  readonly #placeParents = new Map<string, [string | null, string | null]>();
  readonly #compoundOf = new Map<string, string | null>();
  /**
   * The compound of each building by its index in the building level: a point's building
   * gives its compound without a look-up by text among 100k (most of what was left of a
   * ticket's time there).
   */
  readonly #compoundAt: (string | null)[];
  readonly #centroids = new Map<string, [number, number]>();
  readonly #pointCompounds: PointIndex;
  readonly nearMetres: number;

  constructor(places: Columns, buildings: Columns, { nearMetres = DEFAULT_NEAR_METRES } = {}) {
    this.nearMetres = nearMetres;
    const rowsOf = (level: Level) => {
      const source = level === "building" ? buildings : places;
      return (source.geometry ?? []).map((_, i) => i).filter((i) =>
        (level === "building" || source.level[i] === level) && source.geometry[i] &&
        !isPointText(source.geometry[i] as string)
      );
    };
    const rows = LEVELS.map(rowsOf);
    this.#levels = LEVELS.map((level, l) => {
      const [source, idColumn] = level === "building" ? [buildings, "building_id"] : [places, "place_id"];
      return new LevelIndex(
        rows[l].map((i) => source[idColumn][i] as string),
        rows[l].map((i) => source.geometry[i] as string),
      );
    });
    this.#compoundAt = rows[BUILDING].map((i) => (buildings.compound_id[i] as string | null) ?? null);
    const points = (places.place_id ?? []).map((_, i) => i).filter((i) =>
      places.level[i] === "compound" && places.geometry[i] && isPointText(places.geometry[i] as string)
    );
    this.#pointCompounds = new PointIndex(
      points.map((i) => places.place_id[i] as string),
      points.map((i) => [places.lon[i] as number, places.lat[i] as number]),
      points.map((i) => (places.community_id[i] as string | null) ?? null),
    );
    (places.place_id ?? []).forEach((id, i) =>
      this.#placeParents.set(id as string, [places.community_id[i] as string, places.street_id[i] as string])
    );
    (buildings.building_id ?? []).forEach((id, i) =>
      this.#compoundOf.set(id as string, (buildings.compound_id[i] as string | null) ?? null)
    );
    for (const [source, idColumn] of [[places, "place_id"], [buildings, "building_id"]] as const) {
      (source[idColumn] ?? []).forEach((id, i) => {
        if (source.lon[i] != null && source.lat[i] != null) {
          this.#centroids.set(id as string, [source.lon[i] as number, source.lat[i] as number]);
        }
      });
    }
  }

  /**
   * Fills the empty slots of `found` with the place of each level at a point, lowest
   * first; each place found fills its stored parents at once, so a ticket inside a
   * building costs two lookups (building, grid), not five.
   */
  locate(x: number, y: number, found: (string | null)[]) {
    for (let level = 0; level < LEVELS.length; level++) {
      if (found[level] !== null) continue;
      const index = this.#levels[level];
      let i = index.find(x, y, this.#overlaps[level]);
      if (i < 0 && level === BUILDING) i = index.nearest(x, y, this.nearMetres);
      if (i < 0) continue;
      found[level] = index.ids[i];
      if (level === BUILDING) {
        found[COMPOUND] ??= this.#compoundAt[i];
        this.#withPlaceParents(found);
      } else this.withParents(found);
    }
    if (found[COMPOUND] === null) {
      const i = this.#pointCompounds.nearest(x, y, this.nearMetres, found[COMMUNITY]);
      if (i >= 0) {
        found[COMPOUND] = this.#pointCompounds.ids[i];
        this.withParents(found);
      }
    }
  }

  /** Levels a lookup left empty, from what is stored about the places found. */
  withParents(found: (string | null)[]) {
    if (found[BUILDING] !== null) found[COMPOUND] ??= this.#compoundOf.get(found[BUILDING]!) ?? null;
    this.#withPlaceParents(found);
  }

  /** The community and the street, from the compound, grid or community found. */
  #withPlaceParents(found: (string | null)[]) {
    // Once both are known, nothing is left to do.
    for (let level = COMPOUND; level < STREET && (found[COMMUNITY] === null || found[STREET] === null); level++) {
      const parents = found[level] === null ? undefined : this.#placeParents.get(found[level]!);
      if (!parents) continue;
      found[COMMUNITY] ??= parents[0];
      found[STREET] ??= parents[1];
    }
  }

  /** The overlaps points fell into, per level, with how many points each. */
  overlaps(): { level: Level; ids: string; points: number }[] {
    return this.#overlaps.flatMap((pairs, level) =>
      [...pairs].map(([key, points]) => ({ level: LEVELS[level], ids: this.#levels[level].pairIds(key), points }))
    );
  }

  /** A place or building's stored centroid, where a ticket matched by address is located. */
  centroidOf(id: string): [number, number] | null {
    return this.#centroids.get(id) ?? null;
  }
}

const COLUMNS = ["building_id", "compound_id", "grid_id", "community_id", "street_id"];

/**
 * Fills each ticket's place columns that the file left empty: by coordinates when it
 * has them, else by address. Returns the tickets that got no place at all.
 */
export function assignTickets(tickets: Columns, index: PlaceIndex, matcher: AddressMatcher | null): number[] {
  const n = tickets.ticket_id.length;
  const unassigned: number[] = [];
  const columns = COLUMNS.map((c) => tickets[c] ??= new Array(n).fill(null));
  const found: (string | null)[] = COLUMNS.map(() => null);
  const { lon, lat, address } = tickets;
  for (let i = 0; i < n; i++) {
    for (let level = 0; level < columns.length; level++) found[level] = columns[level][i] as string | null;
    if (lon[i] != null && lat[i] != null) index.locate(lon[i] as number, lat[i] as number, found);
    else {
      const match = matcher?.match(address?.[i] as string | null);
      if (match) {
        found[COMPOUND] ??= match.compound;
        found[BUILDING] ??= match.building;
        const centroid = index.centroidOf(match.building ?? match.compound);
        if (centroid) index.locate(centroid[0], centroid[1], found);
        else index.withParents(found);
      }
    }
    let any = false;
    for (let level = 0; level < columns.length; level++) {
      columns[level][i] = found[level];
      if (found[level] !== null) any = true;
    }
    if (!any) unassigned.push(i);
  }
  return unassigned;
}
