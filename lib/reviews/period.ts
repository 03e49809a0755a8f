/**
 * The periods reviews are held for: a month (`2026-11`, the callback round run in that
 * month over the month before), a quarter (`2026-Q3`) or a year (`2026`). Bounds are
 * local dates, turned into UTC instants with the deployment's offset, so a review's
 * quarter is the district's quarter, not UTC's.
 */
import { addDays, localDateOf, localMidnight } from "../time.ts";
export type PeriodKind = "month" | "quarter" | "year";

export interface Period {
  kind: PeriodKind;
  /** As written in the URL: `2026-11`, `2026-Q3`, `2026`. */
  key: string;
  /** First local date, `YYYY-MM-DD`. */
  start: string;
  /** The local date after the last one, `YYYY-MM-DD` (half-open). */
  end: string;
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };
const PATTERNS: Record<PeriodKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const pad = (n: number) => String(n).padStart(2, "0");

/** A month index (years × 12 + month − 1) as a local date string on its first day. */
const monthStart = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;

function fromMonthIndex(kind: PeriodKind, index: number): Period {
  const year = Math.floor(index / 12);
  const month = index % 12;
  const key = kind === "month"
    ? `${year}-${pad(month + 1)}`
    : kind === "quarter"
    ? `${year}-Q${Math.floor(month / 3) + 1}`
    : String(year);
  return { kind, key, start: monthStart(index), end: monthStart(index + MONTHS[kind]) };
}

const startIndex = (p: Period) => Number(p.start.slice(0, 4)) * 12 + Number(p.start.slice(5, 7)) - 1;

/** The period a URL names, or null when it names none of this kind. */
export function parsePeriod(kind: PeriodKind, text: string): Period | null {
  const match = PATTERNS[kind].exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = kind === "month" ? Number(match[2]) - 1 : kind === "quarter" ? (Number(match[2]) - 1) * 3 : 0;
  return fromMonthIndex(kind, year * 12 + month);
}

/** The period `steps` periods later (earlier when negative). */
export function shiftPeriod(p: Period, steps: number): Period {
  return fromMonthIndex(p.kind, startIndex(p) + steps * MONTHS[p.kind]);
}

export function sameLastYear(p: Period): Period {
  return fromMonthIndex(p.kind, startIndex(p) - 12);
}

/** The month that starts on a local date `YYYY-MM-01`. */
export function monthStarting(date: string): Period {
  return fromMonthIndex("month", Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1);
}

/** The period's instants, half-open, as a metrics Filter's `from` and `to`. */
export function periodRange(p: Period, utcOffsetHours: number): { from: number; to: number } {
  return { from: localMidnight(p.start, utcOffsetHours), to: localMidnight(p.end, utcOffsetHours) };
}

/**
 * The period a review opens at for data ending at `asOf`: for months the current round
 * (this month's callbacks of last month's closings); for quarters and years the last one
 * that has ended, since a review takes stock of a finished period.
 */
export function latestPeriod(kind: PeriodKind, asOf: number, utcOffsetHours: number): Period {
  const today = localDateOf(asOf, utcOffsetHours);
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  const current = fromMonthIndex(kind, index - (index % MONTHS[kind]));
  return kind === "month" ? current : shiftPeriod(current, -1);
}

/** A month's callback round covers the tickets closed in the month before it. */
export function closingMonth(round: Period): Period {
  if (round.kind !== "month") throw new Error(`a callback round is a month, not a ${round.kind}`);
  return shiftPeriod(round, -1);
}

/** The last day inside the period, for "to" dates written inclusively (e.g. the map's URL). */
export function lastDay(p: Period): string {
  return addDays(p.end, -1);
}
