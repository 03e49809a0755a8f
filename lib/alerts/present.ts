/**
 * The `alerts` view's rows as people read them: one line per surging series (its
 * strongest evidence of the judged days, weekly counts preferred over a single day's at
 * equal strength), named places, and the other kinds counted.
 */
import type { Row } from "../db/connector.ts";
import { type Lang, t } from "../i18n.ts";

/** The rows of `alerts`, strongest surge first; what every screen of alerts reads. */
export const ALERTS_LIST_SQL = `SELECT a.*, coalesce(p.name, c.name || b.name) AS place_name
FROM alerts a
LEFT JOIN places p ON p.place_id = a.place_id
LEFT JOIN buildings b ON b.building_id = a.place_id
LEFT JOIN places c ON c.place_id = b.compound_id
ORDER BY a.alert_kind, a.q_value, a.probability DESC, a.score DESC, a.period_start DESC`;

export interface SurgeLine {
  level: string;
  placeId: string;
  placeName: string;
  /** null: all categories. */
  category: string | null;
  grain: "day" | "week";
  periodStart: number;
  observed: number;
  expected: number;
  upper: number;
  qValue: number;
}

export interface AlertSummary {
  surges: SurgeLine[];
  recurrences: number;
  deadlineRisks: number;
}

export function summariseAlerts(rows: Row[]): AlertSummary {
  const bySeries = new Map<string, SurgeLine>();
  for (const r of rows) {
    if (r.alert_kind !== "surge") continue;
    const line: SurgeLine = {
      level: String(r.level),
      placeId: String(r.place_id ?? ""),
      placeName: String(r.place_name ?? r.place_id ?? "—"),
      category: r.category == null ? null : String(r.category),
      grain: r.grain === "week" ? "week" : "day",
      periodStart: Number(r.period_start),
      observed: Number(r.observed),
      expected: Number(r.expected),
      upper: Number(r.upper),
      qValue: Number(r.q_value),
    };
    const key = `${line.level}|${line.placeId}|${line.category}`;
    const held = bySeries.get(key);
    if (!held || line.qValue < held.qValue || (line.qValue === held.qValue && line.grain === "week")) {
      bySeries.set(key, line);
    }
  }
  const surges = [...bySeries.values()].sort((a, b) =>
    a.qValue - b.qValue || b.observed / b.expected - a.observed / a.expected
  );
  return {
    surges,
    recurrences: rows.filter((r) => r.alert_kind === "recurrence").length,
    deadlineRisks: rows.filter((r) => r.alert_kind === "deadline_risk").length,
  };
}

/**
 * The period a surge line counts, as every screen of alerts writes it: the day, or the 7
 * days from the week's first (「11-08 起 7 天」), month and day as a DATE's UTC midnight.
 */
export function surgePeriod(line: Pick<SurgeLine, "grain" | "periodStart">, lang: Lang): string {
  return t(lang, `alerts.period.${line.grain}`, { date: new Date(line.periodStart).toISOString().slice(5, 10) });
}
