import assert from "node:assert/strict";
import { VectorTile } from "@mapbox/vector-tile";
import Protobuf from "pbf";
import { buildTileSet, districtLayers } from "../../../lib/map/tiles.ts";
import type { Columns } from "../../../lib/schema.ts";

const square = (x: number, y: number, d: number) =>
  JSON.stringify({
    type: "Polygon",
    coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
  });

/** A street holding one compound holding one building, near 112.55° E, 37.85° N. */
const TABLES: { places: Columns; buildings: Columns; map_features: Columns } = {
  places: {
    place_id: ["s1", "c1"],
    level: ["street", "compound"],
    name: ["迎泽街道", "德沁苑"],
    lon: [112.55, 112.5505],
    lat: [37.85, 37.8505],
    geometry: [square(112.54, 37.84, 0.02), square(112.55, 37.85, 0.001)],
  },
  buildings: {
    building_id: ["b1"],
    compound_id: ["c1"],
    name: ["3栋"],
    floors: [6],
    lon: [112.5502],
    lat: [37.8502],
    geometry: [square(112.5501, 37.8501, 0.0002)],
  },
  map_features: { feature_id: [], layer: [], kind: [], name: [], geometry: [] },
};

/** The tile at zoom z holding a point (the usual Web Mercator tile scheme). */
function tileAt(z: number, lon: number, lat: number): [number, number, number] {
  const n = 2 ** z, rad = lat * Math.PI / 180;
  return [z, Math.floor((lon + 180) / 360 * n), Math.floor((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2 * n)];
}

function decode(bytes: Uint8Array | null) {
  assert.ok(bytes, "a tile");
  return new VectorTile(new Protobuf(bytes)).layers;
}

Deno.test("the district's tiles carry each layer with the ids feature-state needs", () => {
  const set = buildTileSet(districtLayers(TABLES));
  assert.deepEqual(set.bounds, [112.55, 37.85, 112.551, 37.851]);
  const near = decode(set.tile(...tileAt(16, 112.5502, 37.8502)));
  assert.equal(near.compounds.feature(0).properties.place_id, "c1");
  assert.equal(near.buildings.feature(0).properties.building_id, "b1");
  assert.equal(near.buildings.feature(0).properties.floors, 6);
  assert.equal(near.building_labels.feature(0).properties.name, "3栋");
  assert.equal(near.streets.feature(0).properties.name, "迎泽街道");
});

Deno.test("buildings stay out of the tiles of zooms that do not draw them", () => {
  const set = buildTileSet(districtLayers(TABLES));
  const wide = decode(set.tile(...tileAt(12, 112.5502, 37.8502)));
  assert.ok(wide.compounds && wide.labels);
  assert.equal(wide.buildings, undefined);
  assert.equal(wide.building_labels, undefined);
  assert.equal(set.tile(...tileAt(12, 0, 0)), null, "nothing out at sea");
});

Deno.test("a compound stored as a point is in the tiles' compounds as a point, with its id and name", () => {
  const point = (lon: number, lat: number) => JSON.stringify({ type: "Point", coordinates: [lon, lat] });
  const places = {
    ...TABLES.places,
    place_id: [...TABLES.places.place_id, "p1"],
    level: [...TABLES.places.level, "compound"],
    name: [...TABLES.places.name, "银杏小区"],
    lon: [...TABLES.places.lon, 112.545],
    lat: [...TABLES.places.lat, 37.845],
    geometry: [...TABLES.places.geometry, point(112.545, 37.845)],
  };
  const set = buildTileSet(districtLayers({ ...TABLES, places }));
  const tile = decode(set.tile(...tileAt(12, 112.545, 37.845)));
  const found = Array.from({ length: tile.compounds.length }, (_, i) => tile.compounds.feature(i))
    .find((f) => f.properties.place_id === "p1");
  // 1 is a point in the vector tile format.
  assert.deepEqual([found?.type, found?.properties.name], [1, "银杏小区"]);
  // Its name is written beside its circle by the style, not over it by the labels layer.
  const labels = Array.from({ length: tile.labels.length }, (_, i) => tile.labels.feature(i).properties.name);
  assert.ok(labels.includes("德沁苑") && !labels.includes("银杏小区"), String(labels));
});
