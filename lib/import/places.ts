/**
 * Places (one level at a time) and buildings from polygon or point features: properties
 * typed by the schema, pieces of one id (a building cut at tile edges) merged into one
 * polygon, centroid and area computed, geometry kept as GeoJSON text rounded to 6
 * decimals (about 0.1 m), and each placed in the store's higher levels by containment
 * of its centre (the overlap rule of assign.ts when several contain it). A compound or
 * building given as a point is stored as a point (no area); a place without a name is
 * stored as `未命名小区 <id>` with a note, and a later import that names it renames it.
 */
import { area, centerOfMass, feature, featureCollection, pointOnFeature, union } from "@turf/turf";
import { type Columns, PLACE_LEVELS, type PlaceLevel } from "../schema.ts";
import { LevelIndex } from "./assign.ts";
import { type Geometry, isPointText, PackedPolygons, type PolygonGeometry } from "./geometry.ts";
import type { PolygonTable } from "./geojson.ts";
import type { Mapping } from "./mapping.ts";
import { keyOf } from "./key_index.ts";
import { EMPTIED } from "./notes.ts";
import { type Converted, convertRecords, type RawTable, type RowRule } from "./records.ts";
import { findOverlaps, type Overlap } from "./overlaps.ts";

export interface PolygonImport extends Converted {
  /** Features that were pieces of another feature with the same id, merged into it. */
  piecesMerged: number;
  overlaps: Overlap[];
}

/** Features' properties with their shapes; a plain table (division codes) has none. */
export type ShapedTable = RawTable & { geometries?: PolygonTable["geometries"] };

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function roundCoordinates(c: unknown): unknown {
  return typeof c === "number" ? round6(c) : (c as unknown[]).map(roundCoordinates);
}

/** One geometry of a key's pieces: polygons merged, or the first point when there are only points. */
function mergePieces(all: Geometry[]): Geometry {
  const pieces = all.filter((g): g is PolygonGeometry => g.type !== "Point");
  if (pieces.length === 0) return all[0];
  if (pieces.length === 1) return pieces[0];
  // deno-lint-ignore no-explicit-any -- turf's generics want Polygon | MultiPolygon features; ours are exactly that.
  const merged = union(featureCollection(pieces.map((g) => feature(g as any))));
  if (!merged) throw new Error("the pieces of this feature have no area together");
  return merged.geometry as PolygonGeometry;
}

/** A point inside the polygon: its centre of mass, or a point on it when the shape is concave there. */
function insidePoint(geometry: PolygonGeometry, centre: [number, number]): [number, number] {
  if (new PackedPolygons([geometry]).contains(0, centre[0], centre[1])) return centre;
  // deno-lint-ignore no-explicit-any -- see mergePieces
  return pointOnFeature(feature(geometry as any)).geometry.coordinates as [number, number];
}

/**
 * Converts the features' properties, merges pieces of one key, and fills the centroid,
 * area and geometry columns. `rules` add the table's own row rules.
 */
function convertPolygons(
  tableName: string,
  input: ShapedTable,
  mapping: Mapping,
  rules: RowRule[],
): { result: PolygonImport; insidePoints: ([number, number] | null)[] } {
  const converted = convertRecords(tableName, input, mapping, { rules });
  const { columns, sources } = converted;
  const keyColumns = [columns[tableName === "places" ? "place_id" : "building_id"]];
  const firstOfKey = new Map<string, number>();
  const pieces: Geometry[][] = [];
  const keep: number[] = [];
  sources.forEach((source, i) => {
    const key = keyOf(keyColumns, i);
    const first = firstOfKey.get(key);
    if (first === undefined) {
      firstOfKey.set(key, keep.length);
      keep.push(i);
      pieces.push([]);
    }
    const geometry = input.geometries?.get(source.row);
    if (geometry) pieces[first ?? pieces.length - 1].push(geometry);
  });
  const out: Columns = Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [name, keep.map((i) => values[i])]),
  );
  // A table of places without geometry (a list of division codes) has no shapes to measure.
  const geometries = pieces.map((p) => p.length ? mergePieces(p) : null);
  const centres = geometries.map((g) =>
    g &&
    (g.type === "Point"
      ? g.coordinates as [number, number]
      : centerOfMass(feature(g as never)).geometry.coordinates as [number, number])
  );
  out.geometry = geometries.map((g, i) =>
    g ? JSON.stringify({ type: g.type, coordinates: roundCoordinates(g.coordinates) }) : out.geometry[i]
  );
  out.lon = centres.map((c, i) => c ? round6(c[0]) : out.lon[i]);
  out.lat = centres.map((c, i) => c ? round6(c[1]) : out.lat[i]);
  if (tableName === "places") {
    out.area_m2 = geometries.map((g, i) =>
      g?.type === "Point" ? null : g ? Math.round(area(g as never) * 10) / 10 : out.area_m2[i]
    );
  }
  const shaped = geometries.flatMap((g, i) => g && g.type !== "Point" ? [i] : []);
  return {
    result: {
      ...converted,
      columns: out,
      sources: keep.map((i) => sources[i]),
      piecesMerged: sources.length - keep.length,
      overlaps: findOverlaps(
        shaped.map((i) => String(keyColumns[0][keep[i]])),
        shaped.map((i) => geometries[i] as PolygonGeometry),
      ),
    },
    insidePoints: geometries.map((g, i) => g && (g.type === "Point" ? centres[i] : insidePoint(g, centres[i]!))),
  };
}

/** Indexes of the stored places of some levels, for containment. */
function levelIndexes(stored: Columns, levels: readonly PlaceLevel[]): Map<PlaceLevel, LevelIndex> {
  return new Map(levels.map((level) => {
    const rows = (stored.place_id ?? []).map((_, i) => i).filter((i) =>
      stored.level[i] === level && stored.geometry[i] && !isPointText(stored.geometry[i] as string)
    );
    return [
      level,
      new LevelIndex(rows.map((i) => stored.place_id[i] as string), rows.map((i) => stored.geometry[i] as string)),
    ];
  }));
}

/** The parent level of each level; a compound belongs to its community (grids are optional cells). */
const PARENT: Record<PlaceLevel, PlaceLevel[]> = {
  district: [],
  street: ["district"],
  community: ["street", "district"],
  grid: ["community", "street", "district"],
  compound: ["community", "street", "district"],
};

/** The word of each level in a generated name: 未命名小区 <id>. */
const LEVEL_WORDS: Record<PlaceLevel, string> = {
  district: "区",
  street: "街道",
  community: "社区",
  grid: "网格",
  compound: "小区",
};

/** Only compounds may be points: a street or a community is an area, or nothing the map can draw. */
const POINT_LEVELS: readonly PlaceLevel[] = ["compound"];

export function importPlaces(input: ShapedTable, mapping: Mapping, level: PlaceLevel, stored: Columns): PolygonImport {
  if (!PLACE_LEVELS.includes(level)) throw new Error(`level must be one of ${PLACE_LEVELS.join(", ")}`);
  const storedNames = new Map((stored.place_id ?? []).map((id, i) => [id, stored.name[i]]));
  const setLevel: RowRule = (columns, i, note) => {
    columns.level[i] = level;
    const id = columns.place_id[i];
    if (columns.name[i] === null && id !== null) {
      const generated = `未命名${LEVEL_WORDS[level]} ${id}`;
      const known = storedNames.get(id);
      // A name a former import gave stays until a file names the place otherwise.
      columns.name[i] = known ?? generated;
      note(
        "name",
        "no name",
        known ? `the stored name ${known} kept` : `stored as ${generated}; an import with its name renames it`,
      );
    }
    return null;
  };
  if (input.geometries && !POINT_LEVELS.includes(level)) {
    for (const [row, geometry] of input.geometries) {
      if (geometry.type !== "Point") continue;
      input.geometries.delete(row);
      input.notes = [...(input.notes ?? []), {
        file: input.file,
        row,
        field: "geometry",
        problem: `a ${level} given as a point`,
        action: `${EMPTIED}; only compounds and buildings may be points`,
      }];
    }
  }
  const { result, insidePoints } = convertPolygons("places", input, mapping, [setLevel]);
  const indexes = levelIndexes(stored, ["district", "street", "community"]);
  const overlaps = new Map<number, number>();
  const { columns } = result;
  insidePoints.forEach((point, i) => {
    if (!point) return;
    const [x, y] = point;
    const within = (l: PlaceLevel) => {
      const index = indexes.get(l)!;
      const found = index.find(x, y, overlaps);
      return found < 0 ? null : index.ids[found];
    };
    for (const parentLevel of PARENT[level]) {
      columns.parent_id[i] ??= within(parentLevel);
    }
    if (PARENT[level].includes("street")) columns.street_id[i] ??= within("street");
    if (PARENT[level].includes("community")) columns.community_id[i] ??= within("community");
  });
  return result;
}

const nameRule: RowRule = (columns, i) => {
  // OSM buildings seldom have names; the id keeps them listable.
  columns.name[i] ??= columns.building_id[i];
  return null;
};

export function importBuildings(input: ShapedTable, mapping: Mapping, stored: Columns): PolygonImport {
  const { result, insidePoints } = convertPolygons("buildings", input, mapping, [nameRule]);
  const compounds = levelIndexes(stored, ["compound"]).get("compound")!;
  const overlaps = new Map<number, number>();
  insidePoints.forEach((point, i) => {
    const found = point ? compounds.find(point[0], point[1], overlaps) : -1;
    if (found >= 0) result.columns.compound_id[i] ??= compounds.ids[found];
  });
  return result;
}
