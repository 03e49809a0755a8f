/** Geometry repaired before validation, in every ring of every part; points kept; places without a name named. */
import assert from "node:assert/strict";
import { cleanGeometry, MAX_VERTICES } from "../../../lib/import/geojson.ts";
import { selfIntersects } from "../../../lib/import/self_intersections.ts";
import { row, run } from "./helpers.ts";

const collection = (features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });
const feature = (id: string, geometry: unknown, properties: Record<string, unknown> = { name: `小区${id}` }) => ({
  type: "Feature",
  id,
  properties,
  geometry,
});
/** A square's ring, counter-clockwise from its south-west corner. */
const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const signedArea = (ring: number[][]) =>
  ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i][0] * y - x * ring[i][1]), 0) / 2;

/** A circle of n vertices around a point: a valid ring of any size. */
export function circle(n: number, [cx, cy] = [121.47, 31.23], r = 0.01): number[][] {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  return [...ring, ring[0]];
}

Deno.test("repeated vertices, spikes and wrong winding are repaired in every ring of every part, also after reprojection", async () => {
  const outer = square(121.47, 31.23, 0.002);
  const repeated = [outer[0], outer[1], outer[1], outer[2], outer[3], outer[3], outer[0]];
  // A spike: out to a point and straight back along the same line.
  const spiked = [outer[0], outer[1], [121.473, 31.23], outer[1], outer[2], outer[3], outer[0]];
  const hole = square(121.4705, 31.2305, 0.0005).reverse();
  const clockwise = [...outer].reverse();
  const geojson = collection([
    feature("repeated", { type: "Polygon", coordinates: [repeated] }),
    feature("spiked", { type: "Polygon", coordinates: [spiked] }),
    feature("wound", {
      type: "MultiPolygon",
      coordinates: [[clockwise, [...hole].reverse()], [square(121.48, 31.23, 0.001)]],
    }),
  ]);
  for (const coords of ["wgs84", "gcj02"] as const) {
    const { columns, notes, rejects } = await run("places", "c.geojson", geojson, {}, { level: "compound", coords });
    assert.deepEqual(rejects, []);
    assert.deepEqual(columns!.place_id, ["repeated", "spiked", "wound"]);
    const rings = (id: string) => {
      const g = JSON.parse(row(columns!, "place_id", id).geometry as string);
      return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
    };
    assert.equal(rings("repeated")[0].length, 5, `${coords}: repeated vertices dropped`);
    assert.equal(rings("spiked")[0].length, 5, `${coords}: the spike dropped`);
    const [woundOuter, woundHole] = JSON.parse(row(columns!, "place_id", "wound").geometry as string).coordinates[0];
    assert.ok(signedArea(woundOuter) > 0, "outer rings counter-clockwise");
    assert.ok(signedArea(woundHole) < 0, "holes clockwise");
    assert.deepEqual(notes.map((n) => [n.row, n.field, n.action]), [
      [1, "geometry", "repaired"],
      [2, "geometry", "repaired"],
    ]);
    assert.match(notes[0].problem, /^2 repeated vertices dropped$/);
    assert.match(notes[1].problem, /spike vertices dropped/);
  }
});

Deno.test("a large boundary imports, validated in O(n log n); one above the vertex limit keeps its row without geometry", async () => {
  // 100k vertices: a quadratic check (20k took 5.4 s) would need minutes.
  const big = await run(
    "places",
    "d.geojson",
    collection([feature("d", { type: "Polygon", coordinates: [circle(100_000)] })]),
    {},
    { level: "district" },
  );
  assert.equal(JSON.parse(big.columns!.geometry[0] as string).coordinates[0].length, 100_001);
  assert.deepEqual(big.notes, []);
  // Past the limit the geometry is refused before any work on it (one position repeated: cheap to build).
  const huge = { type: "Polygon", coordinates: [new Array(MAX_VERTICES + 2).fill([121.47, 31.23])] };
  // The row is then kept without geometry, with this as its note, as for any geometry that cannot be used.
  assert.throws(() => cleanGeometry(huge, null), /2,000,002 vertices, more than the limit of 2,000,000/);
});

Deno.test("compounds and buildings as points are stored as points; a street as a point has no geometry", async () => {
  const point = { type: "Point", coordinates: [121.4712, 31.2301] };
  const compounds = await run("places", "poi.geojson", collection([feature("p1", point)]), {}, { level: "compound" });
  const p = row(compounds.columns!, "place_id", "p1");
  assert.deepEqual([JSON.parse(p.geometry as string), p.lon, p.lat, p.area_m2], [point, 121.4712, 31.2301, null]);
  assert.deepEqual(compounds.notes, []);
  const buildings = await run("buildings", "poi.geojson", collection([feature("b1", point)]));
  assert.deepEqual(JSON.parse(buildings.columns!.geometry[0] as string), point);
  const streets = await run("places", "poi.geojson", collection([feature("s1", point)]), {}, { level: "street" });
  assert.equal(streets.columns!.geometry[0], null);
  assert.match(streets.notes[0].problem, /a street given as a point/);
});

Deno.test("places without a name are stored under a generated name with a note, and renamed by a later import", async () => {
  const shape = { type: "Polygon", coordinates: [square(121.47, 31.23, 0.001)] };
  const unnamed = collection([feature("w1", shape, {}), feature("w2", shape, { name: "德沁苑" })]);
  const first = await run("places", "osm.geojson", unnamed, {}, { level: "compound" });
  assert.deepEqual(first.columns!.name, ["未命名小区 w1", "德沁苑"]);
  assert.deepEqual(first.notes.map((n) => [n.row, n.record_id, n.field, n.problem]), [[1, "w1", "name", "no name"]]);
  assert.match(first.notes[0].action, /stored as 未命名小区 w1; an import with its name renames it/);
  const named = collection([feature("w1", shape, { name: "康乐小区" })]);
  const second = await run("places", "named.geojson", named, { places: first.columns! }, { level: "compound" });
  assert.deepEqual(second.columns!.name, ["康乐小区", "德沁苑"]);
  assert.equal(second.summary.updated, 1);
  const communities = await run("places", "c.geojson", collection([feature("c1", shape, {})]), {}, {
    level: "community",
  });
  assert.equal(communities.columns!.name[0], "未命名社区 c1");
});

Deno.test("tickets reach point compounds by address, and by the nearest point of their community within --near", async () => {
  const community = (id: string, x: number) =>
    feature(id, { type: "Polygon", coordinates: [square(x, 31.23, 0.01)] }, { name: `社区${id}` });
  const communities = await run(
    "places",
    "c.geojson",
    collection([community("c1", 121.46), community("c2", 121.47)]),
    {},
    {
      level: "community",
    },
  );
  const point = (id: string, name: string, x: number) =>
    feature(id, { type: "Point", coordinates: [x, 31.235] }, { name });
  // p1 lies in c1, 0.0005° (about 48 m) west of c2's edge; p2 in c2.
  const compounds = await run(
    "places",
    "poi.geojson",
    collection([point("p1", "德沁苑", 121.4695), point("p2", "康乐小区", 121.4750)]),
    { places: communities.columns! },
    { level: "compound" },
  );
  assert.deepEqual(compounds.columns!.community_id.slice(-2), ["c1", "c2"]);
  const csv = "工单编号,受理时间,经度,纬度,地址\n" +
    "T1,2024-04-19 08:30,121.4697,31.2350,\n" + // 19 m from p1, inside c1
    "T2,2024-04-19 08:30,121.4701,31.2350,\n" + // inside c2, 57 m from p1 (of c1): not its compound
    "T3,2024-04-19 08:30,121.4752,31.2352,\n" + // 28 m from p2
    "T4,2024-04-19 08:30,,,康乐小区3栋2单元501\n"; // no coordinates: by address
  const { columns } = await run("tickets", "t.csv", csv, { places: compounds.columns! }, { nearMetres: 60 });
  assert.deepEqual(columns!.compound_id, ["p1", null, "p2", "p2"]);
  assert.deepEqual(columns!.community_id, ["c1", "c2", "c2", "c2"]);
});

Deno.test("self-intersections: crossings, touching rings and overlapping edges, not the vertices consecutive edges share", () => {
  const sq = square(0, 0, 4);
  assert.equal(selfIntersects([sq]), false);
  assert.equal(selfIntersects([[[0, 0], [4, 4], [4, 0], [0, 4], [0, 0]]]), true, "a bowtie");
  assert.equal(selfIntersects([sq, [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]), false, "a hole inside");
  assert.equal(selfIntersects([sq, [[0, 1], [1, 2], [1, 1], [0, 1]]]), true, "a hole touching the outer ring");
  assert.equal(
    selfIntersects([[[0, 0], [2, 0], [2, 2], [1, 0], [0, 2], [0, 0]]]),
    true,
    "a ring through its own vertex",
  );
  assert.equal(selfIntersects([[[0, 0], [4, 0], [4, 2], [2, 0], [2, -2], [0, -2], [0, 0]]]), true, "edges overlapping");
  assert.equal(selfIntersects([circle(20_000)]), false);
});
