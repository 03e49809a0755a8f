/**
 * The office's daily digest (预警日报): the `alerts` view's rows as three tables a person
 * reads, prints and saves (CSV/XLSX with formulas neutralised by lib/export): surges with
 * their counts against the expected ones, tickets reported again after closing with the
 * ticket before them, and open tickets likely to miss their deadline. A large district
 * has thousands of recurrences a week: the page shows them by place and category, the most
 * repeated first, and the saved table lists every one.
 */
import type { Row } from "../db/connector.ts";
import { formatPercent } from "../format.ts";
import { type Lang, type MessageKey, t } from "../i18n.ts";
import { summariseAlerts, surgePeriod } from "./present.ts";
import type { AlertKind } from "./view.ts";

type Columns = { key: string; label: string }[];
type Rows = Record<string, string | number>[];

export interface DigestTable {
  kind: AlertKind;
  /** Every alert of the kind: what CSV/XLSX save. */
  columns: Columns;
  rows: Rows;
  /** What the page shows instead, when the list is summarised: the first groups, and how many more there are. */
  shown?: { columns: Columns; rows: Rows; groups: number; more: number };
}

/** Places × categories of recurrences the page lists; the saved table holds them all. */
export const SHOWN_RECURRENCE_GROUPS = 50;
/** Recurring tickets named in a group's row, newest first. */
const NAMED_TICKETS = 3;

/** A DATE as epoch ms at UTC midnight → YYYY-MM-DD. */
const day = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);
const round1 = (x: unknown) => Math.round(Number(x) * 10) / 10;
const placeOf = (r: Row, lang: Lang) =>
  `${t(lang, `level.${r.level}` as MessageKey)} ${r.place_name ?? r.place_id ?? "—"}`;

export function digestTables(rows: Row[], lang: Lang): DigestTable[] {
  const label = (key: MessageKey) => t(lang, key);
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
        period: surgePeriod(s, lang),
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
      shown: recurrenceGroups(rows.filter((r) => r.alert_kind === "recurrence"), lang),
      rows: rows.filter((r) => r.alert_kind === "recurrence").map((r) => ({
        ticket: String(r.ticket_id),
        place: placeOf(r, lang),
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
        place: placeOf(r, lang),
        category: String(r.category),
        due: day(r.period_start),
        age: `${r.observed} / ${r.expected}`,
        probability: formatPercent(Number(r.probability), lang),
      })),
    },
  ];
}

/**
 * Recurrences by place and category: how many in the period, the most times the problem
 * came back, the latest; chains (a problem back twice or more) first.
 */
function recurrenceGroups(rows: Row[], lang: Lang): NonNullable<DigestTable["shown"]> {
  const groups = new Map<string, { first: Row; count: number; most: number; latest: number; tickets: Row[] }>();
  for (const r of rows) {
    const key = `${r.level}|${r.place_id}|${r.category}`;
    let g = groups.get(key);
    if (!g) groups.set(key, g = { first: r, count: 0, most: 0, latest: 0, tickets: [] });
    g.count++;
    g.most = Math.max(g.most, Number(r.observed));
    g.latest = Math.max(g.latest, Number(r.period_start));
    g.tickets.push(r);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    b.most - a.most || b.count - a.count || b.latest - a.latest ||
    String(a.first.place_id).localeCompare(String(b.first.place_id))
  );
  const label = (key: MessageKey) => t(lang, key);
  return {
    columns: [
      { key: "place", label: label("alerts.place") },
      { key: "category", label: label("alerts.category") },
      { key: "count", label: label("alerts.recurrence_count") },
      { key: "most", label: label("alerts.most_times") },
      { key: "latest", label: label("alerts.latest_received") },
      { key: "tickets", label: label("alerts.recurring_tickets") },
    ],
    rows: sorted.slice(0, SHOWN_RECURRENCE_GROUPS).map((g) => {
      const tickets = g.tickets.sort((a, b) => Number(b.period_start) - Number(a.period_start))
        .map((r) => String(r.ticket_id));
      return {
        place: placeOf(g.first, lang),
        category: String(g.first.category),
        count: g.count,
        most: g.most,
        latest: day(g.latest),
        tickets: tickets.slice(0, NAMED_TICKETS).join(t(lang, "quality.list_separator")) +
          (tickets.length > NAMED_TICKETS ? " …" : ""),
      };
    }),
    groups: sorted.length,
    more: Math.max(0, sorted.length - SHOWN_RECURRENCE_GROUPS),
  };
}
