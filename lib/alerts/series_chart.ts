/**
 * A place's surge series over the last weeks, for the chart beside its alerts: each day's
 * count (the day's, and the 7 days ending it) against the expected count and its upper
 * band, exactly as the detector judged them (lib/alerts/surges.ts), every category of the
 * place (and all categories) in one query.
 */
import { type AlertsConfig, DEFAULT_ALERTS } from "./config.ts";
import { type SURGE_LEVELS, surgeSeriesSql } from "./surges.ts";
import { addDays } from "../time.ts";

/** Eight weeks: the baseline the expected count comes from, and the surge after it. */
export const CHART_DAYS = 56;

export interface PlaceSeriesOptions {
  level: (typeof SURGE_LEVELS)[number];
  /** The place; the district's series need none. */
  placeId?: string;
  /** The last day drawn (local YYYY-MM-DD): the store's newest. */
  to: string;
  days?: number;
}

/** Rows `category` (null: all), `grain`, `day`, `observed`, `expected`, `upper`, `alert`, by series and day. */
export function placeSeriesSql(
  { level, placeId, to, days = CHART_DAYS }: PlaceSeriesOptions,
  config: AlertsConfig = DEFAULT_ALERTS,
): string {
  const series = surgeSeriesSql(config, {
    from: addDays(to, 1 - days),
    to,
    level,
    ...level === "district" ? {} : { placeId },
  });
  return `SELECT category, grain, day, observed, expected, upper, alert
FROM (${series}) s
ORDER BY category NULLS FIRST, grain, day`;
}
