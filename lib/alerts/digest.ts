/**
 * The office's daily digest (预警日报): the `alerts` view's rows as three tables a person
 * reads, prints and saves (CSV/XLSX with formulas neutralised by lib/export): surges with
 * their counts against the expected ones, tickets reported again after closing with the
 * ticket before them, and open tickets likely to miss their deadline.
 */
import type { Row } from "../db/connector.ts";
import { formatPercent } from "../format.ts";
import { type Lang, type MessageKey, t } from "../i18n.ts";
import { summariseAlerts } from "./present.ts";
import type { AlertKind } from "./view.ts";

export interface DigestTable {
  kind: AlertKind;
  columns: { key: string; label: string }[];
  rows: Record<string, string | number>[];
}

/** A DATE as epoch ms at UTC midnight → YYYY-MM-DD. */
const day = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);
const round1 = (x: unknown) => Math.round(Number(x) * 10) / 10;

export function digestTables(rows: Row[], lang: Lang): DigestTable[] {
  const label = (key: MessageKey) => t(lang, key);
  const placeOf = (r: Row) => `${t(lang, `level.${r.level}` as MessageKey)} ${r.place_name ?? r.place_id ?? "—"}`;
  const surges = summariseAlerts(rows).surges;
  return [
    {
      kind: "surge",
      columns: [
        { key: "place", label: label("alerts.place") },
        { key: "category", label: label("alerts.category") },
        { key: "period", label: label("alerts.period") },
        { key: "observed", label: label("alerts.observed") },
        { key: "expected", label: label("alerts.expected") },
        { key: "upper", label: label("alerts.upper") },
        { key: "q", label: label("alerts.q_value") },
      ],
      rows: surges.map((s) => ({
        place: `${t(lang, `level.${s.level}` as MessageKey)} ${s.placeName}`,
        category: s.category ?? label("alerts.all_categories"),
        period: `${t(lang, `alerts.grain.${s.grain}`)} ${day(s.periodStart)}`,
        observed: s.observed,
        expected: round1(s.expected),
        upper: round1(s.upper),
        q: Number(s.qValue.toPrecision(2)),
      })),
    },
    {
      kind: "recurrence",
      columns: [
        { key: "ticket", label: label("alerts.ticket") },
        { key: "place", label: label("alerts.place") },
        { key: "category", label: label("alerts.category") },
        { key: "received", label: label("alerts.received") },
        { key: "previous", label: label("alerts.previous_ticket") },
        { key: "days", label: label("alerts.days_after_closing") },
        { key: "position", label: label("alerts.chain_position") },
      ],
      rows: rows.filter((r) => r.alert_kind === "recurrence").map((r) => ({
        ticket: String(r.ticket_id),
        place: placeOf(r),
        category: String(r.category),
        received: day(r.period_start),
        previous: String(r.related_ticket_id),
        days: round1(r.score),
        position: Number(r.observed),
      })),
    },
    {
      kind: "deadline_risk",
      columns: [
        { key: "ticket", label: label("alerts.ticket") },
        { key: "place", label: label("alerts.place") },
        { key: "category", label: label("alerts.category") },
        { key: "due", label: label("alerts.due") },
        { key: "age", label: label("alerts.workdays_open") },
        { key: "probability", label: label("alerts.probability") },
      ],
      rows: rows.filter((r) => r.alert_kind === "deadline_risk").map((r) => ({
        ticket: String(r.ticket_id),
        place: placeOf(r),
        category: String(r.category),
        due: day(r.period_start),
        age: `${r.observed} / ${r.expected}`,
        probability: formatPercent(Number(r.probability), lang),
      })),
    },
  ];
}
