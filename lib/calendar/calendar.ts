/**
 * China's official working calendar (public holidays and make-up working weekends, 调休),
 * read from data/calendar/china_holidays.csv. Dates are local calendar dates as
 * `YYYY-MM-DD`; turning an instant into a local date is the caller's business, because
 * only the caller knows the deployment's UTC offset.
 *
 * The `calendar` table built here is what SQL joins on: `workday_seq` numbers working
 * days, so "N working days after d" is the working day whose seq is seq(d) + N, and the
 * working days between two dates is a difference of seqs — no per-row JavaScript.
 */
import type { Columns } from "../schema.ts";
import { HOLIDAYS_CSV } from "./holidays_data.ts";
import { dateOfDayNumber, DAY_MS, dayNumber } from "../time.ts";

/** The span every store's `calendar` table covers. */
export const CALENDAR_FIRST = "2020-01-01";
export const CALENDAR_LAST = "2027-12-31";

export type HolidayKind = "holiday" | "workday";

export interface HolidayRow {
  date: string;
  /** `holiday`: a day off by the notice; `workday`: a weekend day worked instead (调休上班). */
  kind: HolidayKind;
  name: string;
}

export function parseHolidays(csv: string): HolidayRow[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  if (header.trim() !== "date,kind,name") throw new Error(`holiday CSV header is "${header}", expected date,kind,name`);
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const [date, kind, name] = line.split(",").map((s) => s.trim());
    const where = `holiday CSV line ${i + 2}`;
    dayNumber(date);
    if (kind !== "holiday" && kind !== "workday") throw new Error(`${where}: kind "${kind}"`);
    if (!name) throw new Error(`${where}: no name`);
    if (seen.has(date)) throw new Error(`${where}: ${date} listed twice`);
    seen.add(date);
    if (kind === "workday" && !isWeekend(dayNumber(date))) throw new Error(`${where}: ${date} is not a weekend day`);
    return { date, kind, name };
  });
}

/** 1970-01-01 was a Thursday. */
const isWeekend = (day: number) => {
  const weekday = (day + 4) % 7;
  return weekday === 0 || weekday === 6;
};

export class WorkCalendar {
  readonly #special: Map<number, HolidayRow>;

  constructor(rows: HolidayRow[]) {
    this.#special = new Map(rows.map((r) => [dayNumber(r.date), r]));
  }

  isWorkdayNumber(day: number): boolean {
    const special = this.#special.get(day);
    return special ? special.kind === "workday" : !isWeekend(day);
  }

  /** The holiday a day off belongs to, or the holiday a make-up working day makes up for. */
  holidayName(date: string): string | null {
    return this.holidayOfDay(dayNumber(date));
  }

  holidayOfDay(day: number): string | null {
    return this.#special.get(day)?.name ?? null;
  }

  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(dayNumber(date));
  }

  /** The `n`th working day after `date` (`date` itself never counts); `n` = 0 gives `date`. */
  addWorkdays(date: string, n: number): string {
    let day = dayNumber(date);
    for (let left = n; left > 0;) if (this.isWorkdayNumber(++day)) left--;
    return dateOfDayNumber(day);
  }

  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  workdaysBetween(from: string, to: string): number {
    const [a, b] = [dayNumber(from), dayNumber(to)];
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.isWorkdayNumber(day)) count++;
    return a <= b ? count : -count;
  }

  /** The rows of the `calendar` table, one per day from `first` to `last`. */
  tableColumns(first = CALENDAR_FIRST, last = CALENDAR_LAST): Columns {
    const columns: Columns = { date: [], is_workday: [], holiday: [], workday_seq: [] };
    let seq = 0;
    for (let day = dayNumber(first); day <= dayNumber(last); day++) {
      const workday = this.isWorkdayNumber(day);
      if (workday) seq++;
      columns.date.push(day * DAY_MS);
      columns.is_workday.push(workday);
      columns.holiday.push(this.holidayOfDay(day));
      columns.workday_seq.push(seq);
    }
    return columns;
  }
}

export const chinaCalendar: WorkCalendar = new WorkCalendar(parseHolidays(HOLIDAYS_CSV));

export const isWorkday = (date: string): boolean => chinaCalendar.isWorkday(date);
export const addWorkdays = (date: string, n: number): string => chinaCalendar.addWorkdays(date, n);
export const workdaysBetween = (from: string, to: string): number => chinaCalendar.workdaysBetween(from, to);
/** The `calendar` table every store carries. */
export const calendarColumns = (): Columns => chinaCalendar.tableColumns();
