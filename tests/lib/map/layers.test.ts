import assert from "node:assert/strict";
import { classify, colorOf, compoundLayerSql, LAYER_IDS, per1000 } from "../../../lib/map/layers.ts";
import { classOf } from "../../../lib/map/class_breaks.ts";
import { basemapTemplate, upstreamTileUrl } from "../../../lib/map/basemap.ts";
import { buildStyle, DRILL_SOURCE, POINT_LAYERS } from "../../../lib/map/style.ts";
import { PALETTES } from "../../../lib/map/palette.ts";
import { TILE_LAYERS } from "../../../lib/map/tile_layers.ts";

Deno.test("class breaks: fixed for shares, from the data for counts, good end reversed", () => {
  const shares = classify("on_time", [0.1, 0.95]);
  assert.deepEqual(shares.breaks, [0.6, 0.7, 0.8, 0.9]);
  assert.equal(shares.colors[0], PALETTES.light.ramp.at(-1), "a low on-time rate is the alarming colour");
  const counts = classify("per_1000", Array.from({ length: 100 }, (_, i) => i + 1));
  assert.equal(counts.breaks.length, counts.colors.length - 1);
  assert.ok(counts.breaks.every((b, i) => i === 0 || b > counts.breaks[i - 1]));
  assert.equal(classOf(0.65, shares.breaks), 1);
  assert.equal(classOf(0.95, shares.breaks), 4);
  assert.equal(colorOf(null, shares), PALETTES.light.noData);
  assert.equal(per1000(5, 1000), 5);
  assert.equal(per1000(5, 0), null);
});

Deno.test("every compound layer reads lib/metrics, by compound", () => {
  for (const layer of ["on_time", "satisfaction", "coverage", "backlog", "overdue", "gaps"] as const) {
    assert.match(compoundLayerSql(layer, {})!, /place_id/);
  }
  assert.match(compoundLayerSql("on_time", {})!, /on_time_rate/);
  assert.equal(compoundLayerSql("per_1000", {}), null, "answered from the cross-filter cube");
  assert.match(compoundLayerSql("overdue", {})!, /sum\(overdue\)/);
  assert.equal(LAYER_IDS.length, 10);
});

Deno.test("the drill style draws our own tiles, has no glyph server and labels every level", () => {
  const empty = { type: "FeatureCollection" as const, features: [] };
  const tiles = "http://127.0.0.1:8000/api/tiles/v1/{z}/{x}/{y}.pbf";
  const style = buildStyle({ streets: empty, communities: empty, compounds: empty }, "light", [], {
    tiles,
    hexes: empty,
  });
  assert.equal("glyphs" in style, false);
  const ids = style.layers.map((l) => l.id);
  for (const id of ["label-street", "label-building", "buildings-3d", "hexes", "street-hit"]) {
    assert.ok(ids.includes(id));
  }
  const sources = Object.values(style.sources) as { tiles?: string[] }[];
  assert.deepEqual(sources.flatMap((s) => s.tiles ?? []), [tiles], "no tiles but ours");
  for (const layer of style.layers as { id: string; source?: string; "source-layer"?: string }[]) {
    if (layer.source === DRILL_SOURCE) assert.ok(TILE_LAYERS.includes(layer["source-layer"] as never), layer.id);
  }
});

Deno.test("compounds and buildings stored as points are drawn as circles, a compound with its name", () => {
  const empty = { type: "FeatureCollection" as const, features: [] };
  type Layer = {
    id: string;
    type: string;
    source?: string;
    "source-layer"?: string;
    filter?: unknown;
    maxzoom?: number;
  };
  const layersOf = (drill: boolean) =>
    buildStyle(
      { streets: empty, communities: empty, compounds: empty },
      "light",
      [1, 2, 3, 4],
      drill ? { tiles: "http://127.0.0.1/{z}/{x}/{y}.pbf", hexes: empty } : undefined,
    ).layers as Layer[];
  for (const drill of [false, true]) {
    const layers = layersOf(drill);
    const from = (l: Layer | undefined) => drill ? l?.["source-layer"] : l?.source;
    const points = layers.find((l) => l.id === POINT_LAYERS.compounds);
    const labels = layers.find((l) => l.type === "symbol" && l.id === "compound-point-labels");
    const buildings = layers.find((l) => l.id === POINT_LAYERS.buildings);
    assert.deepEqual([points?.type, from(points), from(labels), from(buildings)], [
      "circle",
      "compounds",
      "compounds",
      "buildings",
    ]);
    for (const l of [points, labels, buildings]) assert.deepEqual(l?.filter, ["==", ["geometry-type"], "Point"]);
    assert.equal(labels?.maxzoom, undefined, "named at every zoom");
  }
});

Deno.test("the basemap is configuration, relayed tile by tile", () => {
  assert.equal(basemapTemplate(() => undefined), null);
  const template = basemapTemplate(() => "http://gis.local/t/{z}/{x}/{y}.png")!;
  assert.equal(upstreamTileUrl(template, "3/2/1"), "http://gis.local/t/3/2/1.png");
  assert.equal(upstreamTileUrl(template, "3/9/1"), null);
  assert.equal(upstreamTileUrl(template, "../etc/passwd"), null);
  assert.throws(() => basemapTemplate(() => "file:///x/{z}/{x}/{y}"));
});

Deno.test("a layer without a value above zero is one class, the ramp's low end", () => {
  const none = classify("per_1000", [0, 0, 0]);
  assert.deepEqual(none.breaks, []);
  assert.deepEqual(none.colors, [classify("per_1000", Array.from({ length: 100 }, (_, i) => i + 1)).colors[0]]);
});
