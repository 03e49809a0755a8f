/**
 * Every colour the maps and legends use, in one place: each theme's base map and
 * sequential ramp, the Gi* hot- and cold-spot classes, coverage gaps, the priority
 * outline and the selection. The light theme is the desk pages', the dark one the wall's.
 */
import type { GiClass } from "../metrics/gi_star.ts";

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
    ramp: ["#fde3a7", "#fbb862", "#f38b3c", "#d94a1e", "#9c1d10"],
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

/**
 * Gi* classes, hot in reds and cold in blues, darker (light) or brighter (dark) for higher
 * confidence; on the wall `none` is see-through, so the dark base map shows.
 */
export const GI_COLORS: Record<Theme, Record<GiClass, string>> = {
  light: {
    hot99: "#b2182b",
    hot95: "#ef8a62",
    hot90: "#fddbc7",
    none: "#f7f7f7",
    cold90: "#d1e5f0",
    cold95: "#67a9cf",
    cold99: "#2166ac",
  },
  dark: {
    hot99: "#ff2d2d",
    hot95: "#ff6a3d",
    hot90: "#ffa94d",
    none: "rgba(0, 0, 0, 0)",
    cold90: "#7ec8ff",
    cold95: "#3d9bff",
    cold99: "#1f5fff",
  },
};

/** Coverage gaps by `gap` (lib/metrics/coverage.ts): none, a weak network, no branch at all. */
export const GAP_COLORS = ["#e8f1e4", "#f6c35b", "#c0392b"];

/** The outline of the compounds on the priority list. */
export const PRIORITY_OUTLINE = "#6a1b9a";

/** The selected place or building. */
export const SELECTED = "#1f6feb";

/** Tickets not placed, by why (lib/metrics/data_quality.ts); those without coordinates are not on a map. */
export const UNPLACED_COLORS = { outside_compounds: "#e67e22", outside_district: "#c0392b" } as const;

/**
 * The alerts layer's rings around places with current alerts, by how many: one, from
 * `breaks[0]`, from `breaks[1]`; teal, so they read on every fill ramp's warm colours.
 */
export const ALERT_RINGS = {
  breaks: [2, 5],
  colors: ["#3bc9db", "#1098ad", "#0b4f5c"],
  widths: [2.5, 3.5, 5],
} as const;

/** A surge's chart: the observed count, and the expected count with its usual band. */
export const SURGE_CHART = { observed: "#c0392b", expected: "#1098ad" } as const;
