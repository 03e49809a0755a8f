/**
 * The layers a supervisor chooses from on the map page, and how each turns metric rows
 * into classes and colours. The figures come from lib/metrics' builders; this file only
 * says which builder feeds which layer and how its values are classed for the legend.
 */
import { backlogSql, openAtEnd } from "../metrics/backlog.ts";
import { coverageGapsSql, coverageSql, priorityListSql } from "../metrics/coverage.ts";
import type { Filter } from "../metrics/filter.ts";
import { ratesSql } from "../metrics/rates.ts";
import { resolutionSql } from "../metrics/resolution.ts";
import { formatCount, formatPercent } from "../format.ts";
import type { Lang } from "../i18n.ts";
import { classOf, countBreaks, GAP_BREAKS, RATIO_BREAKS } from "./class_breaks.ts";
import { GAP_COLORS, PALETTES } from "./palette.ts";

export const LAYER_IDS = [
  "per_1000",
  "on_time",
  "satisfaction",
  "coverage",
  "backlog",
  "overdue",
  "density",
  "hotspots",
  "gaps",
  "priority",
] as const;
export type LayerId = typeof LAYER_IDS[number];

export function isLayerId(value: string): value is LayerId {
  return (LAYER_IDS as readonly string[]).includes(value);
}

/** Where a layer draws: on the compounds, or on H3 cells. */
export type LayerUnit = "compound" | "hex";
export type ValueFormat = "count" | "percent";

interface LayerSpec {
  unit: LayerUnit;
  format: ValueFormat;
  /** Whether a high value is the good end (green-ish end of the ramp reversed). */
  highIsGood: boolean;
}

export const LAYERS: Record<LayerId, LayerSpec> = {
  per_1000: { unit: "compound", format: "count", highIsGood: false },
  on_time: { unit: "compound", format: "percent", highIsGood: true },
  satisfaction: { unit: "compound", format: "percent", highIsGood: true },
  coverage: { unit: "compound", format: "percent", highIsGood: true },
  backlog: { unit: "compound", format: "count", highIsGood: false },
  overdue: { unit: "compound", format: "count", highIsGood: false },
  density: { unit: "hex", format: "count", highIsGood: false },
  hotspots: { unit: "hex", format: "count", highIsGood: false },
  gaps: { unit: "compound", format: "count", highIsGood: false },
  priority: { unit: "compound", format: "count", highIsGood: false },
};

/** A layer's value as people read it: a share as a percentage, a count the Chinese way. */
export function formatLayerValue(layer: LayerId, value: number | null, lang: Lang): string {
  return LAYERS[layer].format === "percent" ? formatPercent(value, lang) : formatCount(value, lang);
}

/** The H3 resolution of the density and hot-spot layers: cells of about 0.7 km², a few per compound cluster. */
export const HEX_RESOLUTION = 8;

/**
 * The SQL giving `place_id` (a compound) and `value` for a compound metric layer.
 * Tickets per 1,000 households is answered from the cross-filter cube instead (see
 * per1000), so it has none here; the priority layer's fill is the same figure.
 */
export function compoundLayerSql(layer: LayerId, filter: Filter): string | null {
  const byCompound = { place: "compound" } as const;
  const pick = (sql: string, column: string) =>
    `SELECT place_id, ${column} AS value FROM (${sql}) m WHERE place_id IS NOT NULL`;
  switch (layer) {
    case "on_time":
      return pick(resolutionSql(filter, byCompound), "on_time_rate");
    case "satisfaction":
      return pick(ratesSql(filter, byCompound), "satisfaction_rate");
    case "coverage":
      return pick(coverageSql({}, byCompound), "households_linked_share");
    case "gaps":
      return `SELECT place_id, gap AS value FROM (${coverageGapsSql({})}) m`;
    case "backlog":
    case "overdue":
      return `SELECT place_id, sum(${layer === "backlog" ? "open" : "overdue"}) AS value FROM (${
        backlogSql(openAtEnd(filter), byCompound)
      }) m WHERE place_id IS NOT NULL GROUP BY place_id`;
    default:
      return null;
  }
}

export function priorityLayerSql(filter: Filter): string {
  return `SELECT compound_id AS place_id FROM (${priorityListSql(filter)}) p`;
}

/**
 * Tickets per 1,000 households from ticket counts and households, the definition of
 * volumeSql's `per_1000_households`, for the cube's counts; null without households.
 */
export function per1000(tickets: number, households: number | null): number | null {
  return households ? 1000 * tickets / households : null;
}

export interface ClassedValues {
  /** Upper bounds of every class but the last, ascending. */
  breaks: number[];
  colors: string[];
}

/**
 * A layer's classes and colours: gaps by their fixed classes, shares by fixed breaks,
 * counts and rates by breaks from the values (lib/map/class_breaks.ts).
 */
export function classify(layer: LayerId, values: number[]): ClassedValues {
  if (layer === "gaps") return { breaks: GAP_BREAKS, colors: [...GAP_COLORS] };
  const ramp = [...PALETTES.light.ramp];
  const colors = LAYERS[layer].highIsGood ? ramp.reverse() : ramp;
  if (LAYERS[layer].format === "percent") return { breaks: RATIO_BREAKS, colors };
  const breaks = countBreaks(values);
  // No value above zero (a range without tickets): one class, the ramp's low end, not its high one.
  return { breaks, colors: breaks.length ? colors.slice(colors.length - breaks.length - 1) : colors.slice(0, 1) };
}

export function colorOf(value: number | null | undefined, classes: ClassedValues): string {
  if (value == null || !Number.isFinite(value)) return PALETTES.light.noData;
  return classes.colors[classOf(value, classes.breaks)];
}
