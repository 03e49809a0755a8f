/**
 * Our own map style: no tiles, no glyph server, nothing from another host. Layers are
 * drawn from GeoJSON the page builds out of the store; compounds are coloured by a
 * numeric `value` property on a sequential ramp.
 */
import type { FeatureCollection } from "./geojson.ts";

export type Theme = "light" | "dark";

export const PALETTES = {
  light: {
    background: "#eef1f4",
    water: "#b9d3e8",
    road: "#ffffff",
    roadCasing: "#d3d8de",
    street: "#5b6b7d",
    community: "#9aa7b4",
    building: "#8f99a3",
    ramp: ["#fff3d6", "#fdc97a", "#f38b3c", "#d94a1e", "#9c1d10"],
    noData: "#dde2e7",
    overlay: "#1f6feb",
  },
  dark: {
    background: "#07111f",
    water: "#0e2a44",
    road: "#1d3048",
    roadCasing: "#13233a",
    street: "#6fb4ff",
    community: "#2f4d6e",
    building: "#3b5676",
    ramp: ["#16324f", "#1f6f8b", "#f2c14e", "#f07b3f", "#e63946"],
    noData: "#15263b",
    overlay: "#7fdbff",
  },
} as const;

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

/** Evenly spaced class breaks from the data's 5th to 95th percentile, so outliers don't wash out the ramp. */
export function rampStops(values: number[], classes = 5): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const lo = q(0.05), hi = q(0.95);
  return Array.from({ length: classes }, (_, i) => lo + (hi - lo) * i / (classes - 1));
}

const empty: FeatureCollection = { type: "FeatureCollection", features: [] };

export function buildStyle(layers: MapLayers, theme: Theme, stops: number[]) {
  const p = PALETTES[theme];
  const ramp = stops.length
    ? ["interpolate", ["linear"], ["coalesce", ["get", "value"], 0], ...stops.flatMap((s, i) => [s, p.ramp[i]])]
    : p.noData;
  const source = (data: FeatureCollection | undefined) => ({ type: "geojson", data: data ?? empty });
  return {
    version: 8,
    sources: {
      water: source(layers.water),
      roads: source(layers.roads),
      streets: source(layers.streets),
      communities: source(layers.communities),
      compounds: source(layers.compounds),
      buildings: source(layers.buildings),
      overlay: source(layers.overlay),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": p.background } },
      { id: "water", type: "fill", source: "water", paint: { "fill-color": p.water } },
      {
        id: "road-casing",
        type: "line",
        source: "roads",
        paint: {
          "line-color": p.roadCasing,
          "line-width": ["match", ["get", "kind"], "primary", 7, "secondary", 5, 3],
        },
      },
      {
        id: "roads",
        type: "line",
        source: "roads",
        paint: { "line-color": p.road, "line-width": ["match", ["get", "kind"], "primary", 5, "secondary", 3, 1.5] },
      },
      {
        id: "compounds",
        type: "fill",
        source: "compounds",
        paint: { "fill-color": ramp, "fill-opacity": 0.85, "fill-outline-color": p.community },
      },
      {
        id: "buildings",
        type: "fill",
        source: "buildings",
        minzoom: 14,
        paint: { "fill-color": p.building, "fill-opacity": 0.6 },
      },
      {
        id: "communities",
        type: "line",
        source: "communities",
        paint: { "line-color": p.community, "line-width": 1, "line-dasharray": [2, 2] },
      },
      { id: "streets", type: "line", source: "streets", paint: { "line-color": p.street, "line-width": 2.5 } },
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
          "circle-color": p.overlay,
          "circle-radius": 4,
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1,
        },
      },
    ],
  };
}
