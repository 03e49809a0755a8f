/**
 * Class breaks for the maps' colour ramps, computed here only: evenly spaced stops over
 * the values' 5th–95th percentile for counts and rates, fixed breaks for shares and gaps,
 * and the class a value falls in.
 */
import type { FeatureCollection } from "./geojson.ts";

/** Evenly spaced class breaks from the data's 5th to 95th percentile, so outliers don't wash out the ramp. */
export function rampStops(values: number[], classes = 5): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const lo = q(0.05), hi = q(0.95);
  return Array.from({ length: classes }, (_, i) => lo + (hi - lo) * i / (classes - 1));
}

/** Fixed breaks for shares, so that 80 % looks the same whatever else is on the map. */
export const RATIO_BREAKS = [0.6, 0.7, 0.8, 0.9];

/** The coverage gap classes 0, 1 and 2. */
export const GAP_BREAKS = [1, 2];

/** Breaks for counts and rates that people can read: the ramp's stops over the positive values, to two figures. */
export function countBreaks(values: number[]): number[] {
  const stops = rampStops(values.filter((v) => v > 0));
  return [...new Set(stops.slice(1).map((s) => roundNicely(s)))];
}

/** Two significant figures. */
function roundNicely(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** The class index of a value: the number of breaks it reaches. */
export function classOf(value: number, breaks: number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]) i++;
  return i;
}

/** The ramp's stops for the compounds' `value` (tickets per 1,000 households on the overview and the wall). */
export function compoundStops(layers: { compounds: FeatureCollection }): number[] {
  return rampStops(layers.compounds.features.map((f) => Number(f.properties.value)));
}
