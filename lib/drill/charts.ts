/** The cross-filter charts' arithmetic: the brushed range of the time histogram, bar lengths, totals. */
import type { ChartRow } from "./crossfilter.ts";
import { addDays } from "../time.ts";
import type { Grain } from "./state.ts";

/** The local days a brush from bar `a` to bar `b` (either order) covers; a week bar covers Monday to Sunday. */
export function brushRange(rows: ChartRow[], a: number, b: number, grain: Grain): { from: string; to: string } | null {
  if (rows.length === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(rows.length - 1, i));
  const [lo, hi] = [clamp(Math.min(a, b)), clamp(Math.max(a, b))];
  return { from: rows[lo].key, to: grain === "week" ? addDays(rows[hi].key, 6) : rows[hi].key };
}

/** Whether a bar's period lies in the range, for highlighting. */
export function inRange(key: string, grain: Grain, range: { from: string; to: string }): boolean {
  const end = grain === "week" ? addDays(key, 6) : key;
  return end >= range.from && key <= range.to;
}

export function total(rows: ChartRow[]): number {
  return rows.reduce((sum, r) => sum + r.tickets, 0);
}

/** Bar lengths as shares of the longest, 0 when there is nothing. */
export function barShares(rows: ChartRow[]): number[] {
  const max = Math.max(0, ...rows.map((r) => r.tickets));
  return rows.map((r) => max > 0 ? r.tickets / max : 0);
}

/** The rows in the order of `order` (all choices), absent ones as 0, so bars keep their places as filters change. */
export function alignRows(rows: ChartRow[], order: string[]): ChartRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r.tickets]));
  return order.map((key) => ({ key, tickets: byKey.get(key) ?? 0 }));
}
