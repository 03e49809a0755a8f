/**
 * The place panel's 预警 section: the place's surging series, each with its count against
 * the expected one and a chart of its last weeks, the surges inside it, the tickets reported
 * again after closing (how many times) and those likely to miss their deadline.
 */
import type { Row } from "../../lib/db/connector.ts";
import { type SurgeLine, surgePeriod } from "../../lib/alerts/present.ts";
import type { PlaceAlerts } from "../../lib/drill/alerts.ts";
import { findPlace, type PlaceIndex } from "../../lib/drill/path.ts";
import type { PlaceRef } from "../../lib/drill/state.ts";
import { formatCount } from "../../lib/format.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import type { QueryState } from "../common/use_store_query.ts";
import { SurgeChart } from "./SurgeChart.tsx";

const round1 = (x: number) => String(Math.round(x * 10) / 10);
const category = (s: SurgeLine, lang: Lang) => s.category ?? t(lang, "alerts.all_categories");

export function AlertsSection({ on, list, here, series, index, lang, onShow, onPick }: {
  on: boolean;
  list: QueryState<Row[]> & { stale: boolean };
  here: PlaceAlerts | null;
  series: QueryState<Row[]> & { stale: boolean };
  index: PlaceIndex;
  lang: Lang;
  onShow: () => void;
  onPick: (place: PlaceRef) => void;
}) {
  const body = !on
    ? <button type="button" class="link" onClick={onShow}>{t(lang, "alerts.panel_off")}</button>
    : list.status === "error"
    ? <p class="status status-error" role="alert">{t(lang, "state.error", { message: list.message })}</p>
    : !here
    ? <p class="status" role="status">{t(lang, "alerts.computing")}</p>
    : <PlaceAlertList here={here} series={series} index={index} lang={lang} onPick={onPick} />;
  return (
    <section
      class="panel-alerts"
      data-state={!on ? "off" : here ? "ready" : list.status === "ready" ? "loading" : list.status}
    >
      <h3>{t(lang, "alerts.title")}</h3>
      {body}
    </section>
  );
}

function PlaceAlertList({ here, series, index, lang, onPick }: {
  here: PlaceAlerts;
  series: QueryState<Row[]> & { stale: boolean };
  index: PlaceIndex;
  lang: Lang;
  onPick: (place: PlaceRef) => void;
}) {
  const { own, inside, recurrences, deadlineRisks } = here;
  if (own.length + inside.length + recurrences.length + deadlineRisks === 0) {
    return <p class="status">{t(lang, "alerts.none_here")}</p>;
  }
  const rows = series.status === "ready" && !series.stale ? series.data : null;
  const chained = recurrences.filter((r) => Number(r.observed) >= 2).length;
  const name = (level: string, id: unknown) =>
    findPlace(index, { level: level as PlaceRef["level"], id: String(id) })?.name ?? String(id);
  return (
    <>
      {own.length > 0 && (
        <ul class="alert-surges">
          {own.map((s) => (
            <li key={String(s.category)} data-category={s.category ?? ""}>
              <div class="alert-surge-head">
                <strong>{t(lang, "alerts.kind.surge")} · {category(s, lang)}</strong>
                <span class="muted">{surgePeriod(s, lang)}</span>
              </div>
              <p class="alert-against">
                {t(lang, "alerts.against", {
                  observed: formatCount(s.observed, lang),
                  expected: round1(s.expected),
                  upper: round1(s.upper),
                })}
              </p>
              {rows
                ? <SurgeChart rows={rows} grain={s.grain} category={s.category} lang={lang} />
                : series.status === "error"
                ? <p class="status status-error">{t(lang, "state.error", { message: series.message })}</p>
                : <p class="status" role="status">{t(lang, "alerts.computing")}</p>}
            </li>
          ))}
        </ul>
      )}
      {inside.length > 0 && (
        <>
          <h4>{t(lang, "alerts.inside", { n: inside.length })}</h4>
          <ol class="compact-list">
            {inside.slice(0, 8).map((s) => (
              <li key={`${s.level}:${s.placeId}:${s.category}`}>
                <button
                  type="button"
                  class="link"
                  onClick={() => onPick({ level: s.level as PlaceRef["level"], id: s.placeId })}
                >
                  {t(lang, `level.${s.level}` as MessageKey)} {s.placeName}
                </button>
                <span>{category(s, lang)}</span>
                <span class="num">{formatCount(s.observed, lang)} / {round1(s.expected)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <h4>{t(lang, "alerts.recurrences", { n: formatCount(recurrences.length, lang) })}</h4>
      {chained > 0 && <p class="muted">{t(lang, "alerts.chains", { n: formatCount(chained, lang) })}</p>}
      {recurrences.length > 0 && (
        <ol class="compact-list alert-recurrences">
          {recurrences.slice(0, 5).map((r) => (
            <li key={String(r.ticket_id)}>
              <button
                type="button"
                class="link"
                onClick={() => onPick({ level: r.level as PlaceRef["level"], id: String(r.place_id) })}
              >
                {String(r.place_name ?? name(String(r.level), r.place_id))}
              </button>
              <span>{String(r.category)}</span>
              <span class="num">{t(lang, "alerts.times_again", { n: Number(r.observed) })}</span>
            </li>
          ))}
        </ol>
      )}
      <h4>{t(lang, "alerts.deadline_risks", { n: formatCount(deadlineRisks, lang) })}</h4>
    </>
  );
}
