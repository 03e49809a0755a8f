/**
 * Timestamps as ticket exports write them, to epoch milliseconds UTC. A timestamp
 * without an offset is local time in the deployment's time zone; the offset comes
 * from `Intl.DateTimeFormat` (no Temporal in every browser yet), so US daylight
 * saving time is right on both sides of the change.
 */
import { DAY_MS, DEPLOYMENT_TIME_ZONE, HOUR_MS } from "../time.ts";

/** How `03/04/2024` is read: month first (US exports, the default) or day first. */
export type SlashOrder = "MM/DD/YYYY" | "DD/MM/YYYY";

export interface TimestampOptions {
  timezone?: string;
  slashOrder?: SlashOrder;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials between 1 (1900) and 2958465 (9999-12-31); anything above is read as epoch ms. */
const EXCEL_MAX = 2_958_466;

// 2024-04-19, 2024/4/19, 2024.04.19, 2024年4月19日, each optionally with a time and an offset.
const YEAR_FIRST =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,3})\d*)?秒?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// 05/01/2022 12:00:03 AM, 1/1/20 0:05
const SLASHED =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*([AP]M)?)?$/i;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** The zone's offset from UTC at a UTC instant, in ms, cached per hour (offsets change on the hour). */
export class ZoneOffsets {
  readonly #format: Intl.DateTimeFormat;
  readonly #cache = new Map<number, number>();
  /** The last hour asked for: a file's times come in runs of one hour, and a Map lookup per call is measurable. */
  #lastHour = NaN;
  #lastOffset = 0;

  constructor(readonly timezone: string) {
    try {
      this.#format = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
      });
    } catch {
      throw new Error(`unknown time zone "${timezone}"`);
    }
  }

  at(utc: number): number {
    const hour = Math.floor(utc / HOUR_MS);
    if (hour === this.#lastHour) return this.#lastOffset;
    let offset = this.#cache.get(hour);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const p of this.#format.formatToParts(hour * HOUR_MS)) parts[p.type] = Number(p.value);
      offset = utcOf(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - hour * HOUR_MS;
      this.#cache.set(hour, offset);
    }
    this.#lastHour = hour;
    this.#lastOffset = offset;
    return offset;
  }

  /**
   * The instant of a wall-clock time given as if it were UTC. A time in the
   * spring-forward gap does not exist and moves an hour on; an ambiguous autumn time
   * takes the earlier (daylight) instant, as most systems do.
   */
  toUtc(wall: number): number {
    const offset = this.at(wall - this.at(wall));
    const utc = wall - offset;
    const actual = this.at(utc);
    return actual === offset ? utc : wall - actual;
  }
}

const zones = new Map<string, ZoneOffsets>();
function zoneOffsets(timezone: string): ZoneOffsets {
  let z = zones.get(timezone);
  if (!z) zones.set(timezone, z = new ZoneOffsets(timezone));
  return z;
}

/** Date.UTC, but years 0–99 as written (Date.UTC reads them as 1900–1999). */
function utcOf(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = Date.UTC(y, mo, d, h, mi, s, ms);
  return y >= 0 && y < 100 ? new Date(t).setUTCFullYear(y) : t;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  // Date.UTC would roll 31 April over to 1 May: a real date has its day in its month.
  if (d > DAYS_IN_MONTH[mo - 1] + (leap ? 1 : 0)) return null;
  return daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`),
 * what `utcOf` gives for a valid date, with years as written, in a few operations: a
 * million-ticket file has five million times, and Date.UTC was a fifth of reading them.
 */
function daysFromCivil(y: number, mo: number, d: number): number {
  if (mo <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * `YYYY-MM-DD HH:MM:SS` (or with `T`), read by character codes: the form nearly
 * every export uses, so a million-row import does not run a regex per timestamp.
 */
function isoWallClock(text: string): number | null | undefined {
  if (text.length !== 19) return undefined;
  const sep = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (sep !== 32 && sep !== 84) ||
    text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58
  ) return undefined;
  const y = digitsAt(text, 0, 4), mo = digitsAt(text, 5, 7), d = digitsAt(text, 8, 10);
  const h = digitsAt(text, 11, 13), mi = digitsAt(text, 14, 16), s = digitsAt(text, 17, 19);
  if ((y | mo | d | h | mi | s) < 0) return undefined;
  return wallClock(y, mo, d, h, mi, s, 0);
}

/** The number written in `text[from…to)`, or -1 when a character is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const int = (s: string | undefined) => s ? Number(s) : 0;
const millis = (s: string | undefined) => s ? Number(s.padEnd(3, "0")) : 0;

/** A UTC offset in ms, or null when it is none the world uses (-12:00 … +14:00, minutes below 60). */
function offsetMs(zone: string): number | null {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
  if (minutes > 59 || hours > 14 || (sign < 0 && hours > 12)) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Earlier than this, a ticket or callback time is a placeholder or a typo, not a record. */
export const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);

/**
 * Throws when a parsed time cannot be true: before 1990 or more than a day after the
 * import (a day allows for clocks and zones). Such a value in the store would stop
 * DuckDB from loading it (99999999999999999 ms is beyond its timestamps).
 */
export function checkPlausible(t: number, importedAt: number, written: unknown = t): number {
  if (t < EARLIEST_PLAUSIBLE || t > importedAt + DAY_MS) {
    const read = Math.abs(t) <= 8.64e15 ? ` (read as ${new Date(t).toISOString()})` : "";
    throw new Error(`"${written}"${read} is not a plausible time: before 1990 or after the import`);
  }
  return t;
}

/**
 * Parses one timestamp. Returns epoch ms, null for an empty value, or throws with
 * the reason the text is not a timestamp. A JS `Date` (what ExcelJS gives for a
 * date cell) holds the sheet's wall-clock time in its UTC fields.
 */
export function parseTimestamp(value: unknown, options: TimestampOptions = {}): number | null {
  const zone = zoneOffsets(options.timezone ?? DEPLOYMENT_TIME_ZONE);
  if (value == null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("invalid date");
    return zone.toUtc(value.getTime());
  }
  if (typeof value === "number") return fromNumber(value, zone);
  const text = String(value).trim();
  if (text === "") return null;
  const iso = isoWallClock(text);
  if (iso === null) throw new Error(`"${text}" is not a real date or time`);
  if (iso !== undefined) return zone.toUtc(iso);
  let m = YEAR_FIRST.exec(text);
  if (m) {
    const wall = wallClock(+m[1], +m[2], +m[3], int(m[4]), int(m[5]), int(m[6]), millis(m[7]));
    if (wall === null) throw new Error(`"${text}" is not a real date or time`);
    if (!m[8]) return zone.toUtc(wall);
    const offset = offsetMs(m[8]);
    if (offset === null) throw new Error(`"${text}" has offset ${m[8]}, which no place uses`);
    return wall - offset;
  }
  m = SLASHED.exec(text);
  if (m) {
    const [first, second] = [+m[1], +m[2]];
    const [month, day] = options.slashOrder === "DD/MM/YYYY" ? [second, first] : [first, second];
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    let hour = int(m[4]);
    const half = m[8]?.toUpperCase();
    if (half && (hour < 1 || hour > 12)) throw new Error(`"${text}" has hour ${hour} with ${half}`);
    if (half) hour = (hour % 12) + (half === "PM" ? 12 : 0);
    const wall = wallClock(year, month, day, hour, int(m[5]), int(m[6]), millis(m[7]));
    if (wall === null) {
      throw new Error(`"${text}" is not a real date or time (read as ${options.slashOrder ?? "MM/DD/YYYY"})`);
    }
    return zone.toUtc(wall);
  }
  if (NUMBER.test(text)) return fromNumber(Number(text), zone);
  throw new Error(`"${text}" is not a timestamp in a known format`);
}

function fromNumber(n: number, zone: ZoneOffsets): number {
  if (!Number.isFinite(n) || n < 1) throw new Error(`${n} is not a timestamp`);
  // An Excel serial is a local wall-clock time; rounding to the ms undoes float noise in the fraction.
  if (n < EXCEL_MAX) return zone.toUtc(Math.round(EXCEL_EPOCH + n * DAY_MS));
  return Math.round(n);
}
