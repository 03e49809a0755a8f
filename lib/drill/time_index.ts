/**
 * While the time brush moves, every other view asks the same question of its (time, view)
 * cube: tickets per key over a range of days. Held as running totals per key and day,
 * each answer is two look-ups per key instead of a scan of the cube: the brush's answers
 * cost microseconds, not a round trip to the engine's worker.
 */
import type { Cube } from "../metrics/cube.ts";
import { DAY_MS, HOUR_MS } from "../time.ts";

export interface KeyCount {
  key: string;
  tickets: number;
}

/** A row of `TimeIndex.sql`'s answer. */
export interface TimeRow {
  key: string | null;
  day: string;
  tickets: number;
}

export class TimeIndex {
  private constructor(
    /** The first day the totals cover, as days since the epoch (local calendar). */
    private firstDay: number,
    private days: number,
    private keys: string[],
    /** keys × (days + 1) running totals: `totals[k * (days + 1) + d]` counts days before day d. */
    private totals: Float64Array,
  ) {}

  /** The SQL reading a cube's tickets per key and day. */
  static sql(cube: Cube, keyColumn: string): string {
    return `SELECT CAST("${keyColumn}" AS VARCHAR) AS key, CAST(day AS VARCHAR) AS day, CAST(sum(tickets) AS DOUBLE) AS tickets
FROM "${cube.table}"
GROUP BY ALL`;
  }

  static from(rows: TimeRow[]): TimeIndex {
    const dayOf = (text: string) => Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / DAY_MS;
    const keys = [...new Set(rows.map((r) => r.key ?? ""))].sort();
    const slot = new Map(keys.map((k, i) => [k, i]));
    const days = rows.map((r) => dayOf(r.day));
    // A loop, not Math.min(...days): a cube has hundreds of thousands of rows, beyond an argument list.
    let firstDay = Infinity, lastDay = -Infinity;
    for (const d of days) {
      if (d < firstDay) firstDay = d;
      if (d > lastDay) lastDay = d;
    }
    if (!days.length) firstDay = lastDay = 0;
    const span = days.length ? lastDay - firstDay + 1 : 0;
    const stride = span + 1;
    const totals = new Float64Array(keys.length * stride);
    rows.forEach((r, i) => totals[slot.get(r.key ?? "")! * stride + days[i] - firstDay + 1] += Number(r.tickets));
    for (let k = 0; k < keys.length; k++) {
      for (let d = 1; d < stride; d++) totals[k * stride + d] += totals[k * stride + d - 1];
    }
    return new TimeIndex(firstDay, span, keys, totals);
  }

  /**
   * Tickets per key from local midnight `from` to local midnight `to` (epoch ms, either
   * open), keys without tickets left out, as the SQL it replaces answers.
   */
  count(from: number | undefined, to: number | undefined, utcOffsetHours: number): KeyCount[] {
    const stride = this.days + 1;
    const clamp = (ms: number | undefined, open: number) =>
      ms === undefined
        ? open
        : Math.max(0, Math.min(this.days, Math.round((ms + utcOffsetHours * HOUR_MS) / DAY_MS) - this.firstDay));
    const lo = clamp(from, 0), hi = clamp(to, this.days);
    const out: KeyCount[] = [];
    this.keys.forEach((key, k) => {
      const tickets = hi > lo ? this.totals[k * stride + hi] - this.totals[k * stride + lo] : 0;
      if (tickets > 0) out.push({ key, tickets });
    });
    return out;
  }
}
