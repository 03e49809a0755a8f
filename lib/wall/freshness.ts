/**
 * How fresh the wall's figures are. The figures are as current as the last time the
 * server confirmed them (a refresh that reached it and re-queried); past the configured
 * limit they are stale, which is what a lost network or a stopped server looks like
 * from the screen. The data's own as-of is shown beside it, so an import that stopped
 * arriving is visible too.
 */
import { HOUR_MS } from "../time.ts";

const MINUTE_MS = 60_000;

export type Freshness = "fresh" | "stale";

export function freshness(syncedAt: number, now: number, staleAfterMs: number): Freshness {
  return now - syncedAt > staleAfterMs ? "stale" : "fresh";
}

/** Whole minutes since the last sync, for "N 分钟未更新"; at least 1 once stale. */
export function minutesSince(syncedAt: number, now: number): number {
  return Math.max(1, Math.floor((now - syncedAt) / MINUTE_MS));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The parts of an instant's local date and time in the deployment's zone (not the screen's). */
function local(instant: number, utcOffsetHours: number) {
  const d = new Date(instant + utcOffsetHours * HOUR_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    monthDay: `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** `YYYY-MM-DD`. */
export function localDateLabel(instant: number, utcOffsetHours: number): string {
  return local(instant, utcOffsetHours).date;
}

/**
 * `HH:mm`, with the date in front when it is not `now`'s day: a wall in another zone
 * still reads the district's clock.
 */
export function localTimeLabel(instant: number, now: number, utcOffsetHours: number): string {
  const { date, time } = local(instant, utcOffsetHours);
  return date === local(now, utcOffsetHours).date ? time : `${date} ${time}`;
}

/** `MM-DD HH:mm`, for rows of a list. */
export function shortDateTime(instant: number, utcOffsetHours: number): string {
  const { monthDay, time } = local(instant, utcOffsetHours);
  return `${monthDay} ${time}`;
}
