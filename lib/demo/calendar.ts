/**
 * China's official working-day calendar in local time (UTC+8): public holidays
 * plus the make-up working weekends (调休) around them. Deadlines and handling
 * times of tickets count working days, and ticket volume drops on days off.
 */

export const UTC_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** Days off on weekdays, as ranges of local dates (State Council holiday notices, 2023–2026). */
const HOLIDAYS: [string, string][] = [
  ["2023-01-01", "2023-01-02"],
  ["2023-01-21", "2023-01-27"],
  ["2023-04-05", "2023-04-05"],
  ["2023-04-29", "2023-05-03"],
  ["2023-06-22", "2023-06-24"],
  ["2023-09-29", "2023-10-06"],
  ["2023-12-30", "2024-01-01"],
  ["2024-02-10", "2024-02-17"],
  ["2024-04-04", "2024-04-06"],
  ["2024-05-01", "2024-05-05"],
  ["2024-06-08", "2024-06-10"],
  ["2024-09-15", "2024-09-17"],
  ["2024-10-01", "2024-10-07"],
  ["2025-01-01", "2025-01-01"],
  ["2025-01-28", "2025-02-04"],
  ["2025-04-04", "2025-04-06"],
  ["2025-05-01", "2025-05-05"],
  ["2025-05-31", "2025-06-02"],
  ["2025-10-01", "2025-10-08"],
  ["2026-01-01", "2026-01-03"],
  ["2026-02-15", "2026-02-23"],
  ["2026-04-04", "2026-04-06"],
  ["2026-05-01", "2026-05-05"],
  ["2026-06-19", "2026-06-21"],
  ["2026-09-25", "2026-09-27"],
  ["2026-10-01", "2026-10-07"],
];
/** Weekends worked to make up for the holidays. */
const MAKE_UP_DAYS = [
  "2023-01-28",
  "2023-01-29",
  "2023-04-23",
  "2023-05-06",
  "2023-06-25",
  "2023-10-07",
  "2023-10-08",
  "2024-02-04",
  "2024-02-18",
  "2024-04-07",
  "2024-04-28",
  "2024-05-11",
  "2024-09-14",
  "2024-09-29",
  "2024-10-12",
  "2025-01-26",
  "2025-02-08",
  "2025-04-27",
  "2025-09-28",
  "2025-10-11",
  "2026-01-04",
  "2026-02-14",
  "2026-02-28",
  "2026-05-09",
  "2026-09-20",
  "2026-10-10",
];

/** Local day number: days since 1970-01-01 in UTC+8. */
export const localDay = (t: number) => Math.floor((t + UTC_OFFSET_MS) / DAY_MS);
/** The UTC instant of local midnight starting a local day. */
export const dayStart = (day: number) => day * DAY_MS - UTC_OFFSET_MS;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

export type DayKind = "working" | "weekend" | "holiday";

export interface Calendar {
  firstDay: number;
  lastDay: number;
  kind(day: number): DayKind;
  /**
   * The instant `workingDays` working days after `t`; the fraction lands within
   * office hours (09:00–18:00 local) of the final day.
   */
  addWorkingDays(t: number, workingDays: number): number;
}

export function buildCalendar(firstDay: number, lastDay: number): Calendar {
  const holidays = new Set<number>();
  for (const [from, to] of HOLIDAYS) {
    for (let d = dayOf(from); d <= dayOf(to); d++) holidays.add(d);
  }
  const makeUp = new Set(MAKE_UP_DAYS.map(dayOf));
  const kind = (day: number): DayKind => {
    if (makeUp.has(day)) return "working";
    if (holidays.has(day)) return "holiday";
    // 1970-01-01 was a Thursday.
    const weekday = (day + 4) % 7;
    return weekday === 0 || weekday === 6 ? "weekend" : "working";
  };
  const span = lastDay - firstDay + 1;
  // ordinal[i]: working days strictly before day firstDay + i.
  const ordinal = new Int32Array(span + 1);
  const workingDays: number[] = [];
  for (let i = 0; i < span; i++) {
    const working = kind(firstDay + i) === "working";
    ordinal[i + 1] = ordinal[i] + (working ? 1 : 0);
    if (working) workingDays.push(firstDay + i);
  }
  const officeStart = 9 * 3600_000;
  const officeHours = 9 * 3600_000;
  return {
    firstDay,
    lastDay,
    kind,
    addWorkingDays(t, days) {
      const day = Math.max(firstDay, Math.min(lastDay, localDay(t)));
      const whole = Math.floor(days);
      // ordinal counts working days before `day`, so it indexes `day` itself when that
      // is a working day and the next working day otherwise.
      const target = ordinal[day - firstDay] + whole;
      const landing = workingDays[Math.min(target, workingDays.length - 1)];
      return dayStart(landing) + officeStart + (days - whole) * officeHours;
    },
  };
}
