/**
 * China's official working-day calendar in local time (UTC+8), from the shared
 * lib/calendar: public holidays plus the make-up working weekends (调休) around them.
 * Deadlines and handling times of tickets count working days, and ticket volume
 * drops on days off.
 */
import { chinaCalendar } from "../calendar/calendar.ts";
import { DAY_MS, HOUR_MS, localDayNumber, UTC_OFFSET_HOURS } from "../time.ts";

export const UTC_OFFSET_MS = UTC_OFFSET_HOURS * HOUR_MS;

/** The UTC instant of local midnight starting a local day. */
export const dayStart = (day: number) => day * DAY_MS - UTC_OFFSET_MS;

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
  const kind = (day: number): DayKind => {
    if (chinaCalendar.isWorkdayNumber(day)) return "working";
    return chinaCalendar.holidayOfDay(day) ? "holiday" : "weekend";
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
  const officeStart = 9 * HOUR_MS;
  const officeHours = 9 * HOUR_MS;
  return {
    firstDay,
    lastDay,
    kind,
    addWorkingDays(t, days) {
      const day = Math.max(firstDay, Math.min(lastDay, localDayNumber(t)));
      const whole = Math.floor(days);
      // ordinal counts working days before `day`, so it indexes `day` itself when that
      // is a working day and the next working day otherwise.
      const target = ordinal[day - firstDay] + whole;
      const landing = workingDays[Math.min(target, workingDays.length - 1)];
      return dayStart(landing) + officeStart + (days - whole) * officeHours;
    },
  };
}
