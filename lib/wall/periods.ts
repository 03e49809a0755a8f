/**
 * "Today" and "this month" on the wall are the data's, not the wall clock's: they end at
 * the data's as-of (its newest ticket), so a store that stopped growing shows its last
 * day rather than an empty one, and the screen says which day that is.
 */
import { DAY_MS, HOUR_MS } from "../time.ts";

/** Half-open ranges of `created_at` in epoch ms, for a Filter's `from` and `to`. */
export interface AsOfWindows {
  asOf: number;
  /** Local midnight starting the as-of's day. */
  dayStart: number;
  /** Local midnight ending it: every window ends here, so the newest ticket is inside. */
  end: number;
  monthStart: number;
  previousMonthStart: number;
}

export function asOfWindows(asOf: number, utcOffsetHours: number): AsOfWindows {
  const offset = utcOffsetHours * HOUR_MS;
  const local = new Date(asOf + offset);
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  const dayStart = Date.UTC(year, month, day) - offset;
  return {
    asOf,
    dayStart,
    end: dayStart + DAY_MS,
    monthStart: Date.UTC(year, month, 1) - offset,
    previousMonthStart: Date.UTC(year, month - 1, 1) - offset,
  };
}

/** The start of a window of `days` days ending at the as-of. */
export function daysBefore(asOf: number, days: number): number {
  return asOf - days * DAY_MS;
}
