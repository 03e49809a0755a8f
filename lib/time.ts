/**
 * The deployment's time, defined once: its zone and offset from UTC, the lengths of an
 * hour and a day, and the local calendar date of an instant. Local dates drive calendars,
 * periods and deadlines, so every page and metric turns instants into days here.
 */
import { DEFAULT_CONFIG } from "./metrics/deadlines.ts";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * The deployment's IANA zone, for what formats dates with Intl and for imported
 * timestamps that name no zone. Its offset is `UTC_OFFSET_HOURS` (a test checks they agree).
 */
export const DEPLOYMENT_TIME_ZONE = "Asia/Shanghai";

/** Local time = UTC + this; `utcOffsetHours` in data/config/deadlines.json. */
export const UTC_OFFSET_HOURS = DEFAULT_CONFIG.utcOffsetHours;

/**
 * The local date (`YYYY-MM-DD`) an instant (epoch ms) falls on. A DuckDB DATE value,
 * which is its day's UTC midnight, is read with an offset of 0.
 */
export function localDateOf(ms: number, utcOffsetHours = UTC_OFFSET_HOURS): string {
  return new Date(ms + utcOffsetHours * HOUR_MS).toISOString().slice(0, 10);
}

/** The instant (epoch ms) a local date starts at: its local midnight. */
export function localMidnight(date: string, utcOffsetHours = UTC_OFFSET_HOURS): number {
  return Date.parse(`${date}T00:00:00Z`) - utcOffsetHours * HOUR_MS;
}

/** The local day number (days since 1970-01-01, local time) of an instant. */
export function localDayNumber(ms: number, utcOffsetHours = UTC_OFFSET_HOURS): number {
  return Math.floor((ms + utcOffsetHours * HOUR_MS) / DAY_MS);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  // The round trip refuses what Date.parse rolls over, such as 30 February.
  if (Number.isNaN(day) || dateOfDayNumber(day) !== date) throw new Error(`not a date: "${date}"`);
  return day;
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` after (or before, when negative) a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}
