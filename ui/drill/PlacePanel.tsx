/** The place panel: every figure of the place under the page's filters, and its profile or tickets. */
import type { Row } from "../../lib/db/connector.ts";
import { findPlace, type PlaceIndex } from "../../lib/drill/path.ts";
import { type PanelData, trend } from "../../lib/drill/panel.ts";
import type { PlaceRef } from "../../lib/drill/state.ts";
import { formatCount, formatDateTime, formatPercent } from "../../lib/format.ts";
import { type Lang, type MessageKey, t, textOr } from "../../lib/i18n.ts";
import { memo } from "../common/memo.ts";
import { Figure } from "../common/Figure.tsx";

const num = (v: unknown): number | null => v == null || !Number.isFinite(Number(v)) ? null : Number(v);

function formatHours(hours: number | null, lang: Lang): string {
  if (hours == null) return "—";
  return hours >= 48
    ? t(lang, "drill.days", { n: (hours / 24).toFixed(1) })
    : t(lang, "drill.hours", { n: hours.toFixed(1) });
}

type Kind = "count" | "percent" | "hours" | "year";
type Item = [string, MessageKey, Kind];

const RATES: Item[] = [
  ["response_rate", "drill.response_rate", "percent"],
  ["resolution_rate", "drill.resolution_rate", "percent"],
  ["satisfaction_rate", "metric.satisfaction", "percent"],
  // Beside the three rates, from the publication metric (7日内公示).
  ["publication_rate", "drill.publication_rate", "percent"],
];
const RESOLUTION: Item[] = [
  ["median_hours", "drill.median_time", "hours"],
  ["p90_hours", "drill.p90_time", "hours"],
  ["on_time_rate", "layer.on_time", "percent"],
];
const ESCALATION: Item[] = [
  ["within_compound_share", "drill.within_compound", "percent"],
  ["at_street", "drill.at_street", "count"],
  ["at_district", "drill.at_district", "count"],
];
const BACKLOG: Item[] = [
  ["open", "drill.open_now", "count"],
  ["overdue", "layer.overdue", "count"],
];
const COVERAGE: Item[] = [
  ["compounds_with_branch_share", "metric.branch_coverage", "percent"],
  ["buildings_with_group_share", "drill.group_coverage", "percent"],
  ["households_linked_share", "layer.coverage", "percent"],
  ["members_per_100_households", "drill.members_per_100", "count"],
];
const COMPOUND_PROFILE: Item[] = [
  ["built_year", "drill.built", "year"],
  ["households", "metric.households", "count"],
  ["occupied_households", "drill.occupied", "count"],
  ["rented_households", "drill.rented", "count"],
  ["shops", "drill.shops", "count"],
  ["buildings", "metric.buildings", "count"],
  ["grids", "drill.grids", "count"],
];
const BUILDING_PROFILE: Item[] = [
  ["floors", "drill.floors", "count"],
  ["households", "metric.households", "count"],
  ["group_members", "drill.group_members", "count"],
  ["member_households", "drill.member_households", "count"],
  ["households_linked", "drill.households_linked", "count"],
];

function Figures({ row, items, lang }: { row: Row | undefined; items: Item[]; lang: Lang }) {
  return (
    <div class="panel-figures">
      {items.map(([column, label, kind]) => {
        const value = num(row?.[column]);
        const text = kind === "year"
          ? String(value ?? "—")
          : kind === "percent"
          ? formatPercent(value, lang)
          : kind === "hours"
          ? formatHours(value, lang)
          : formatCount(value, lang);
        return <Figure key={column} metric={column} label={t(lang, label)} value={value} text={text} />;
      })}
    </div>
  );
}

/** Rendered again only when its own props change: the panel follows the settled filter, not each move. */
export const PlacePanel = memo(function PlacePanel({ data, place, index, lang, onPick }: {
  data: PanelData;
  place: PlaceRef | null;
  index: PlaceIndex;
  lang: Lang;
  onPick: (place: PlaceRef) => void;
}) {
  const volume = data.volume[0];
  const tickets = num(volume?.tickets) ?? 0;
  const previous = num(data.previous[0]?.tickets) ?? 0;
  const change = trend(tickets, previous);
  const name = (level: PlaceRef["level"], id: unknown) =>
    findPlace(index, { level, id: String(id) })?.name ?? String(id);
  return (
    <div class="place-panel">
      <div class="panel-figures">
        <Figure
          metric="tickets"
          label={t(lang, "metric.tickets_total")}
          value={tickets}
          text={formatCount(tickets, lang)}
        />
        <Figure
          metric="trend"
          label={t(lang, "drill.trend", { n: formatCount(previous, lang) })}
          value={change}
          text={change == null ? "—" : `${change >= 0 ? "↑" : "↓"}${formatPercent(Math.abs(change), lang)}`}
        />
        <Figure
          metric="per_1000_households"
          label={t(lang, "layer.per_1000")}
          value={num(volume?.per_1000_households)}
          text={formatCount(num(volume?.per_1000_households), lang)}
        />
      </div>
      {tickets === 0 && <p class="status">{t(lang, "drill.no_tickets")}</p>}

      <h3>{t(lang, "drill.rates")}</h3>
      <Figures row={{ ...data.rates[0], ...data.publication[0] }} lang={lang} items={RATES} />
      <h3>{t(lang, "drill.resolution")}</h3>
      <Figures row={data.resolution[0]} lang={lang} items={RESOLUTION} />

      <h3>{t(lang, "drill.top_categories")}</h3>
      {data.categories.length === 0 ? <p class="status">{t(lang, "drill.none")}</p> : (
        <ol class="compact-list">
          {data.categories.map((r) => (
            <li key={String(r.category)}>
              <span>{String(r.category ?? t(lang, "drill.unknown"))}</span>
              <span class="num">{formatCount(num(r.tickets), lang)}</span>
            </li>
          ))}
        </ol>
      )}

      <h3>{t(lang, "drill.repeats", { n: data.repeats.length })}</h3>
      {data.repeats.length === 0 ? <p class="status">{t(lang, "drill.none")}</p> : (
        <ol class="compact-list">
          {data.repeats.slice(0, 5).map((r) => {
            const level = place?.level === "compound" || place?.level === "building" ? "building" : "compound";
            return (
              <li key={`${r.place_id}-${r.category}`}>
                <button type="button" class="link" onClick={() => onPick({ level, id: String(r.place_id) })}>
                  {name(level, r.place_id)}
                </button>
                <span>{String(r.category)}</span>
                <span class="num">{t(lang, "drill.in_window", { n: String(r.max_in_window) })}</span>
              </li>
            );
          })}
        </ol>
      )}

      <h3>{t(lang, "drill.backlog")}</h3>
      <Figures row={data.backlog[0]} lang={lang} items={BACKLOG} />
      {data.overdue.length > 0 && (
        <>
          <h4>{t(lang, "drill.longest_overdue")}</h4>
          <ol class="compact-list overdue-list">
            {data.overdue.map((r) => (
              <li key={String(r.ticket_id)}>
                {r.building_id
                  ? (
                    <button
                      type="button"
                      class="link"
                      onClick={() => onPick({ level: "building", id: String(r.building_id) })}
                    >
                      {name("building", r.building_id)}
                    </button>
                  )
                  : <span>{name("compound", r.compound_id)}</span>}
                <span>{String(r.category ?? "")}</span>
                <span class="num">{t(lang, "drill.days_overdue", { n: Math.floor(Number(r.overdue_days)) })}</span>
              </li>
            ))}
          </ol>
        </>
      )}

      <h3>{t(lang, "drill.escalation")}</h3>
      <Figures row={data.escalation[0]} lang={lang} items={ESCALATION} />

      {data.coverage.length > 0 && (
        <>
          <h3>{t(lang, "drill.coverage")}</h3>
          <Figures row={data.coverage[0]} lang={lang} items={COVERAGE} />
          <h4>{t(lang, "drill.gaps", { n: data.gaps.length })}</h4>
          {data.gaps.length === 0 ? <p class="status">{t(lang, "drill.no_gaps")}</p> : (
            <ul class="compact-list">
              {data.gaps.slice(0, 8).map((g) => (
                <li key={String(g.place_id)}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => onPick({ level: "compound", id: String(g.place_id) })}
                  >
                    {String(g.name)}
                  </button>
                  <span>
                    {num(g.compounds_with_branch) === 0
                      ? t(lang, "drill.gap_no_branch")
                      : t(lang, "drill.gap_linked", { n: formatPercent(num(g.households_linked_share), lang) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {data.profile[0] && <CompoundProfile row={data.profile[0]} lang={lang} />}
      {data.building[0] && <BuildingProfile row={data.building[0]} tickets={data.tickets} lang={lang} />}
    </div>
  );
});

function CompoundProfile({ row, lang }: { row: Row; lang: Lang }) {
  return (
    <>
      <h3>{t(lang, "drill.profile")}</h3>
      <Figures row={row} lang={lang} items={COMPOUND_PROFILE} />
      <p class="muted">{t(lang, "drill.branch")}: {row.branch ? String(row.branch) : t(lang, "drill.gap_no_branch")}</p>
    </>
  );
}

function BuildingProfile({ row, tickets, lang }: { row: Row; tickets: Row[]; lang: Lang }) {
  return (
    <>
      <h3>{t(lang, "drill.building_group")}</h3>
      <p>{row.building_group ? String(row.building_group) : t(lang, "drill.no_group")}</p>
      <Figures row={row} lang={lang} items={BUILDING_PROFILE} />
      <h3>{t(lang, "drill.tickets_list", { n: tickets.length })}</h3>
      {tickets.length === 0 ? <p class="status">{t(lang, "drill.no_tickets")}</p> : (
        <div class="ticket-list">
          <table class="table">
            <thead>
              <tr>
                <th>{t(lang, "drill.received")}</th>
                <th>{t(lang, "drill.category")}</th>
                <th>{t(lang, "drill.status")}</th>
                <th class="num">{t(lang, "drill.stages")}</th>
                <th>{t(lang, "drill.reporter")}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((r) => (
                <tr key={String(r.ticket_id)} data-ticket={String(r.ticket_id)}>
                  <td>{formatDateTime(r.created_at, lang)}</td>
                  <td>{String(r.category ?? "—")} · {textOr(lang, `kind.${r.kind}`, String(r.kind))}</td>
                  <td class={r.overdue_open ? "overdue" : undefined}>
                    {String(r.status_source ?? textOr(lang, `status.${r.status}`, String(r.status)))}
                  </td>
                  <td class="num">
                    {[r.dispatch_hours, r.accept_hours, r.handle_hours].map((h) => formatHours(num(h), lang)).join(
                      " / ",
                    )}
                  </td>
                  <td>{[r.reporter_name, r.reporter_phone].filter(Boolean).join(" ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
