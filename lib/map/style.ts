/**
 * Our own map style: no tiles, no glyph server, nothing from another host. Layers are
 * drawn from GeoJSON the page builds out of the store; compounds are coloured by a
 * numeric `value` property on a sequential ramp, or, on the drill-down map, by a colour
 * each compound carries as feature-state (so a filter recolours without new data).
 *
 * Labels need no glyph server: without a `glyphs` URL MapLibre draws every character,
 * digits and Latin included, with TinySDF from the browser's own fonts, here the CJK
 * font the page's stylesheet names.
 */
import type { FeatureCollection } from "./geojson.ts";
import { ALERT_RINGS, PALETTES, PRIORITY_OUTLINE, SELECTED, type Theme } from "./palette.ts";
import { TILE_MAX_ZOOM, TILE_MIN_ZOOM, TILE_PROMOTE_ID, type TileLayer } from "./tile_layers.ts";

export interface MapLayers {
  /** What a page lays over the district, e.g. a query's result; drawn on top, in each feature's `color` if it has one. */
  overlay?: FeatureCollection;
  streets: FeatureCollection;
  communities: FeatureCollection;
  compounds: FeatureCollection;
  buildings?: FeatureCollection;
  roads?: FeatureCollection;
  water?: FeatureCollection;
}

const empty: FeatureCollection = { type: "FeatureCollection", features: [] };

/**
 * What the drill-down map adds: its geometry as our server's vector tiles (lib/map/tiles.ts)
 * instead of GeoJSON, H3 cells, and optionally a user's basemap under everything.
 */
export interface DrillStyle {
  /** The tile URL template, absolute (MapLibre's workers resolve no relative URLs). */
  tiles: string;
  hexes: FeatureCollection;
  /** A tile URL template on our own origin (see lib/map/basemap.ts). */
  basemapTiles?: string;
}

/** The font MapLibre draws labels with locally; the page's stylesheet lists the same family first. */
export const LABEL_FONT = ["Noto Sans CJK SC"];

/**
 * The layers drawing compounds and buildings stored as points (map services export 小区
 * as named points): a fill layer draws no point, so these draw a circle, and a compound's
 * name beside it, coloured as the outlines are.
 */
export const POINT_LAYERS = { compounds: "compound-points", buildings: "building-points" } as const;
const IS_POINT = ["==", ["geometry-type"], "Point"];

/**
 * The same value for every feature, bound per feature as the other layers' values are:
 * MapLibre compiles a shader program for each way a layer binds its paint (a constant, or
 * a value per feature), and on a software GPU each program costs about 30 ms at every page
 * load. Water and the streets' lines then share the programs of the other fills and lines.
 */
const perFeature = (value: string | number) => ["coalesce", ["get", "linli_none"], value];

/** Features are addressed by these properties for feature-state. */
const PROMOTE_ID = { streets: "place_id", communities: "place_id", compounds: "place_id", buildings: "building_id" };

export function buildStyle(layers: MapLayers, theme: Theme, stops: number[], drill?: DrillStyle) {
  const p = PALETTES[theme];
  const ramp = drill
    ? ["to-color", ["coalesce", ["feature-state", "color"], p.noData]]
    : stops.length
    ? ["interpolate", ["linear"], ["coalesce", ["get", "value"], 0], ...stops.flatMap((s, i) => [s, p.ramp[i]])]
    : p.noData;
  const source = (data: FeatureCollection | undefined, name?: keyof typeof PROMOTE_ID) => ({
    type: "geojson",
    data: data ?? empty,
    ...(name ? { promoteId: PROMOTE_ID[name] } : {}),
  });
  const from = geometrySource(drill);
  return {
    version: 8,
    sources: {
      ...drill ? drillSources(drill) : {
        water: source(layers.water),
        roads: source(layers.roads),
        streets: source(layers.streets, "streets"),
        communities: source(layers.communities, "communities"),
        compounds: source(layers.compounds, "compounds"),
        buildings: source(layers.buildings, "buildings"),
      },
      overlay: source(layers.overlay),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": p.background } },
      ...drill?.basemapTiles ? [{ id: "basemap", type: "raster", source: "basemap" }] : [],
      {
        id: "water",
        type: "fill",
        ...from("water"),
        paint: { "fill-color": perFeature(p.water), "fill-outline-color": p.water },
      },
      {
        id: "road-casing",
        type: "line",
        ...from("roads"),
        paint: {
          "line-color": p.roadCasing,
          "line-width": ["match", ["get", "kind"], "primary", 7, "secondary", 5, 3],
        },
      },
      {
        id: "roads",
        type: "line",
        ...from("roads"),
        paint: { "line-color": p.road, "line-width": ["match", ["get", "kind"], "primary", 5, "secondary", 3, 1.5] },
      },
      {
        id: "compounds",
        type: "fill",
        ...from("compounds"),
        paint: {
          "fill-color": ramp,
          // Drilled into a compound, its buildings must show through its colour.
          "fill-opacity": drill ? ["interpolate", ["linear"], ["zoom"], 14, 0.85, 16.5, 0.35] : 0.85,
          "fill-outline-color": p.community,
        },
      },
      {
        id: "buildings",
        type: "fill",
        ...from("buildings"),
        minzoom: TILE_MIN_ZOOM.buildings,
        paint: { "fill-color": selected(SELECTED, p.building), "fill-opacity": 0.6 },
      },
      {
        id: "communities",
        type: "line",
        ...from("communities"),
        paint: { "line-color": p.community, "line-width": 1, "line-dasharray": [2, 2] },
      },
      {
        id: "streets",
        type: "line",
        ...from("streets"),
        paint: { "line-color": p.street, "line-width": perFeature(2.5) },
      },
      ...pointLayers(p, ramp, from),
      ...drill ? drillLayers(p, from) : [],
      {
        id: "overlay-fill",
        type: "fill",
        source: "overlay",
        filter: ["match", ["geometry-type"], ["Polygon", "MultiPolygon"], true, false],
        paint: {
          "fill-color": ["coalesce", ["get", "color"], p.overlay],
          "fill-opacity": 0.55,
          "fill-outline-color": p.street,
        },
      },
      {
        id: "overlay-points",
        type: "circle",
        source: "overlay",
        filter: ["match", ["geometry-type"], ["Point", "MultiPoint"], true, false],
        paint: {
          "circle-color": ["coalesce", ["get", "color"], p.overlay],
          "circle-radius": 4,
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1,
        },
      },
    ],
  };
}

/** Where a geometry layer's features come from: a GeoJSON source of its own, or a layer of the drill map's tiles. */
function geometrySource(drill: DrillStyle | undefined) {
  return (name: TileLayer) => drill ? { source: DRILL_SOURCE, "source-layer": name } : { source: name };
}

/** The drill map's one vector source. */
export const DRILL_SOURCE = "district";

function drillSources(drill: DrillStyle) {
  return {
    [DRILL_SOURCE]: { type: "vector", tiles: [drill.tiles], maxzoom: TILE_MAX_ZOOM, promoteId: TILE_PROMOTE_ID },
    hexes: { type: "geojson", data: drill.hexes, promoteId: "id" },
    ...drill.basemapTiles
      ? { basemap: { type: "raster", tiles: [drill.basemapTiles], tileSize: 256, maxzoom: 19 } }
      : {},
  };
}

/**
 * Point compounds and buildings. A point compound's name shows below its circle at every
 * zoom (it has no outline to recognise it by); the drill map's tiles leave it out of their
 * labels (lib/map/tiles.ts), which would write it over the circle.
 */
function pointLayers(p: typeof PALETTES[Theme], ramp: unknown, from: ReturnType<typeof geometrySource>) {
  const state = (key: string) => ["boolean", ["feature-state", key], false];
  return [
    {
      id: POINT_LAYERS.compounds,
      type: "circle",
      ...from("compounds"),
      filter: IS_POINT,
      paint: {
        "circle-color": ramp,
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 11, 4, 16, 10, 19, 16],
        "circle-stroke-color": ["case", state("priority"), PRIORITY_OUTLINE, p.street],
        "circle-stroke-width": ["case", state("selected"), 3.5, state("priority"), 3, 1],
      },
    },
    {
      id: POINT_LAYERS.buildings,
      type: "circle",
      ...from("buildings"),
      minzoom: TILE_MIN_ZOOM.buildings,
      filter: IS_POINT,
      paint: {
        "circle-color": selected(SELECTED, p.building),
        "circle-radius": 4,
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1,
      },
    },
    {
      id: "compound-point-labels",
      type: "symbol",
      ...from("compounds"),
      filter: IS_POINT,
      layout: {
        "text-field": ["get", "name"],
        "text-font": LABEL_FONT,
        "text-size": 12,
        "text-anchor": "top",
        "text-offset": [0, 0.8],
        "text-max-width": 8,
      },
      paint: { "text-color": "#1d2733", "text-halo-color": "rgba(255,255,255,0.9)", "text-halo-width": 1.5 },
    },
  ];
}

/** The layers the alerts layer rings places on: each level's features carry their count as feature-state `alerts`. */
export const ALERT_LAYERS = ["streets", "communities", "compounds", "buildings"] as const;

/** A ring around each place with alerts, in the class of its count (lib/map/palette.ts). */
function alertLayers(from: ReturnType<typeof geometrySource>) {
  const [low, high] = ALERT_RINGS.breaks;
  const byCount = (none: unknown, values: readonly unknown[]) => [
    "step",
    ["coalesce", ["feature-state", "alerts"], 0],
    none,
    1,
    values[0],
    low,
    values[1],
    high,
    values[2],
  ];
  const ring = byCount("rgba(0,0,0,0)", ALERT_RINGS.colors);
  return [
    ...ALERT_LAYERS.map((layer) => ({
      id: `alerts-${layer}`,
      type: "line",
      ...from(layer),
      ...layer === "buildings" ? { minzoom: TILE_MIN_ZOOM.buildings } : {},
      paint: { "line-color": ring, "line-width": byCount(0, ALERT_RINGS.widths) },
    })),
    {
      id: "alerts-compound-points",
      type: "circle",
      ...from("compounds"),
      filter: IS_POINT,
      paint: {
        "circle-color": "rgba(0,0,0,0)",
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 11, 8, 16, 14, 19, 20],
        "circle-stroke-color": ring,
        "circle-stroke-width": byCount(0, ALERT_RINGS.widths),
      },
    },
  ];
}

const selected = (on: unknown, off: unknown) => ["case", ["boolean", ["feature-state", "selected"], false], on, off];

/**
 * The drill-down map's layers: invisible fills to click streets and communities, H3
 * cells, outlines for the selected place and the priority list, buildings extruded by
 * floors (shown when the map is tilted), and labels by level as the zoom allows.
 */
function drillLayers(p: typeof PALETTES[Theme], from: ReturnType<typeof geometrySource>) {
  const label = (level: string, minzoom: number, maxzoom: number, size: number, color: string) => ({
    id: `label-${level}`,
    type: "symbol",
    ...from(level === "building" ? "building_labels" : "labels"),
    minzoom,
    maxzoom,
    filter: ["==", ["get", "level"], level],
    layout: {
      "text-field": ["get", "name"],
      "text-font": LABEL_FONT,
      "text-size": size,
      "text-max-width": 8,
      "text-padding": 4,
    },
    paint: { "text-color": color, "text-halo-color": "rgba(255,255,255,0.9)", "text-halo-width": 1.5 },
  });
  return [
    { id: "street-hit", type: "fill", ...from("streets"), paint: { "fill-color": "#000000", "fill-opacity": 0 } },
    {
      id: "community-hit",
      type: "fill",
      ...from("communities"),
      paint: { "fill-color": "#000000", "fill-opacity": 0 },
    },
    {
      id: "hexes",
      type: "fill",
      source: "hexes",
      layout: { visibility: "none" },
      paint: {
        "fill-color": ["to-color", ["coalesce", ["feature-state", "color"], "rgba(0,0,0,0)"]],
        "fill-opacity": 0.75,
        "fill-outline-color": "rgba(255,255,255,0.6)",
      },
    },
    {
      id: "compound-outline",
      type: "line",
      ...from("compounds"),
      paint: {
        "line-color": ["case", ["boolean", ["feature-state", "priority"], false], PRIORITY_OUTLINE, p.street],
        "line-width": [
          "case",
          ["boolean", ["feature-state", "selected"], false],
          3.5,
          ["boolean", ["feature-state", "priority"], false],
          3,
          0.4,
        ],
      },
    },
    {
      id: "buildings-3d",
      type: "fill-extrusion",
      ...from("buildings"),
      minzoom: TILE_MIN_ZOOM.buildings,
      layout: { visibility: "none" },
      paint: {
        "fill-extrusion-color": selected(SELECTED, p.building),
        "fill-extrusion-height": ["*", 3, ["coalesce", ["get", "floors"], 1]],
        "fill-extrusion-opacity": 0.85,
      },
    },
    {
      id: "building-selected",
      type: "line",
      ...from("buildings"),
      minzoom: TILE_MIN_ZOOM.buildings,
      paint: { "line-color": SELECTED, "line-width": selected(3, 0) },
    },
    {
      id: "community-selected",
      type: "line",
      ...from("communities"),
      paint: { "line-color": p.street, "line-width": selected(3, 0) },
    },
    {
      id: "street-selected",
      type: "line",
      ...from("streets"),
      paint: { "line-color": "#1d2733", "line-width": selected(4, 0) },
    },
    ...alertLayers(from),
    label("street", 0, 13, 15, "#1d2733"),
    label("community", 12.5, 15, 13, "#34495e"),
    label("compound", 14, 24, 12, "#1d2733"),
    label("building", 16.3, 24, 11, "#37474f"),
  ];
}
