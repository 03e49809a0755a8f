/**
 * A supervision review: the monthly callback round, or a quarter's or year's scorecard.
 * Figures come from lib/reviews (lib/metrics underneath) in this page's DuckDB, or from
 * a frozen pack; the page adds exports, printing and freezing.
 */
import { useState } from "preact/hooks";
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { type Lang, type MessageKey, t } from "../lib/i18n.ts";
import { DEFAULT_CONFIG } from "../lib/metrics/deadlines.ts";
import type { ReviewPack } from "../lib/reviews/pack.ts";
import { closingMonth, lastDay, parsePeriod, type Period, type PeriodKind } from "../lib/reviews/period.ts";
import { cellText, printPageCss, reviewTitle, stampText } from "../lib/reviews/present.ts";
import { localDateOf, UTC_OFFSET_HOURS } from "../lib/time.ts";
import type { ReviewData, ReviewTable } from "../lib/reviews/review.ts";
import { Figure } from "../ui/common/Figure.tsx";
import { type MapRange, ReviewTableView } from "../ui/reviews/ReviewTableView.tsx";
import { TrendLines } from "../ui/reviews/TrendLines.tsx";
import type { QueryState } from "../ui/common/use_store_query.ts";
import { freezeReview, useMonthAlerts, usePacks, useReview } from "../ui/reviews/use_review.ts";

export interface ReviewPageProps {
  lang: Lang;
  engine: EngineUrls;
  kind: PeriodKind;
  period: string;
  pack: string | null;
  /** A street or community to highlight (from the map's place panel). */
  place: string | null;
  /** What the signed-in role may do with frozen packs (lib/access/policy.ts). */
  packs: PackAccess;
}

interface PackAccess {
  read: boolean;
  write: boolean;
}

/** Long lists show this many rows; their exports hold all of them. */
const LIST_ROWS = 100;
const OFFSET = UTC_OFFSET_HOURS;

/** The publication deadline as words: "7日" or "7个工作日", as configured. */
const publicationDays = (lang: Lang) =>
  t(lang, `reviews.days.${DEFAULT_CONFIG.publicationDayKind ?? "calendar"}`, { days: DEFAULT_CONFIG.publicationDays });

export default function ReviewPage(props: ReviewPageProps) {
  const { lang } = props;
  const state = useReview(props);
  const alerts = useMonthAlerts(props, state.status === "ready");
  const period = parsePeriod(props.kind, props.period)!;
  if (state.status === "loading") return <p class="status" role="status">{t(lang, "reviews.computing")}</p>;
  if (state.status === "error") {
    const message = props.pack ? t(lang, "reviews.pack_missing", { id: props.pack }) : state.message;
    return <p class="status status-error" role="alert">{t(lang, "state.error", { message })}</p>;
  }
  // Once in, a live month's alerts are one of its tables, frozen with the rest.
  const data = alerts?.status === "ready" ? { ...state.data, tables: [...state.data.tables, alerts.data] } : state.data;
  return <Review {...props} period={period} data={data} alerts={alerts} />;
}

function Review({ lang, kind, period, pack, place, packs, data, alerts }:
  & Omit<ReviewPageProps, "period" | "engine">
  & {
    period: Period;
    data: ReviewData | ReviewPack;
    /** A live month's alerts while they are computed; null when `data` holds all it has. */
    alerts: QueryState<ReviewTable> | null;
  }) {
  const district = data.district ?? t(lang, "reviews.district_unknown");
  const asOf = stampText(data.asOf, OFFSET);
  const title = reviewTitle(period, lang);
  const counted = kind === "month" ? closingMonth(period) : period;
  const mapRange: MapRange = { from: counted.start, to: lastDay(counted) };
  // A period without tickets shows no figures at all rather than zeros.
  const empty = !data.figures.find((f) => f.key === (kind === "month" ? "closed" : "tickets"))?.value;
  const table = (id: string) => data.tables.find((x) => x.id === id)!;
  const view = (x: ReviewTable, extra: { limit?: number; note?: string } = {}) => (
    <ReviewTableView
      table={x}
      lang={lang}
      stem={`linli-${kind}-${data.period}`}
      mapRange={mapRange}
      focus={place}
      {...extra}
    />
  );
  return (
    <div class="review-body" data-as-of={data.asOf ?? ""} data-store-version={data.storeVersion}>
      <style>{printPageCss(t(lang, "reviews.page_footer", { district, title, asOf }), lang)}</style>
      <Toolbar
        lang={lang}
        kind={kind}
        period={data.period}
        pack={pack}
        access={packs}
        data={data}
        complete={alerts === null || alerts.status !== "loading"}
      />
      {"frozenAt" in data && (
        <p class="review-frozen" role="note">
          {t(lang, "reviews.frozen_banner", { time: stampText(data.frozenAt, OFFSET), asOf })}
        </p>
      )}
      <p class="review-stamp">
        <strong>{district}</strong> · {title} · {t(lang, "state.data_as_of", { time: asOf })}
      </p>
      <p class="review-scope">
        {kind === "month"
          ? t(lang, "reviews.round_scope", {
            from: counted.start,
            to: mapRange.to,
            due: localDateOf(data.figures.find((f) => f.key === "callback_due")!.value!, 0),
          })
          : t(lang, "reviews.period_scope", { from: counted.start, to: mapRange.to })}
      </p>
      {empty ? <p class="status" role="status">{t(lang, "reviews.no_tickets", { asOf })}</p> : (
        <>
          <section class="figures review-figures">
            {data.figures.map((f) => (
              <Figure
                metric={f.key}
                label={t(lang, `reviews.figure.${f.key}` as MessageKey)}
                value={f.value}
                text={f.format === "date" && f.value != null
                  ? localDateOf(f.value, 0)
                  : cellText(f.value, f.format, lang)}
              />
            ))}
          </section>
          {kind === "month"
            ? (
              <>
                {view(table("round_streets"))}
                {view(table("round_communities"))}
                {view(table("unsatisfied"), { limit: LIST_ROWS })}
                {view(table("worklist"), {
                  limit: LIST_ROWS,
                  note: t(lang, "reviews.publication_note", { days: publicationDays(lang) }),
                })}
                {/* A pack frozen before publication was recorded has no such tables. */}
                {table("publication_streets") && (
                  <>
                    {view(table("publication_streets"), {
                      note: t(lang, "reviews.publication_rate_note", { days: publicationDays(lang) }),
                    })}
                    {view(table("publication_communities"))}
                    {view(table("publication_overdue"), { limit: LIST_ROWS })}
                  </>
                )}
                {/* Nor has a pack frozen before the early warning existed. */}
                {table("alerts")
                  ? view(table("alerts"), { limit: LIST_ROWS })
                  : alerts && <AlertsPending state={alerts} lang={lang} />}
              </>
            )
            : (
              <>
                {view(table("scorecard_streets"), { note: t(lang, "reviews.score_note") })}
                <ReviewTableView
                  table={table("trend")}
                  lang={lang}
                  stem={`linli-${kind}-${data.period}`}
                  mapRange={mapRange}
                  focus={place}
                >
                  <TrendLines table={table("trend")} lang={lang} />
                </ReviewTableView>
                {view(table("above_street"))}
                {view(table("scorecard_communities"))}
              </>
            )}
        </>
      )}
      <p class="review-printed print-only">{t(lang, "reviews.printed_by")}</p>
    </div>
  );
}

/** Where the month's alerts table comes, while it is computed or when it failed. */
function AlertsPending({ state, lang }: { state: QueryState<ReviewTable>; lang: Lang }) {
  return (
    <section class="panel review-table" data-table="alerts" data-state={state.status}>
      <header class="review-table-head">
        <h2>{t(lang, "reviews.table.alerts")}</h2>
      </header>
      {state.status === "error"
        ? <p class="status status-error" role="alert">{t(lang, "state.error", { message: state.message })}</p>
        : <p class="status" role="status">{t(lang, "alerts.computing")}</p>}
    </section>
  );
}

function Toolbar({ lang, kind, period, pack, access, data, complete }: {
  lang: Lang;
  kind: PeriodKind;
  period: string;
  pack: string | null;
  access: PackAccess;
  data: ReviewData;
  /** Whether every table is in: a pack frozen earlier would lack the alerts. */
  complete: boolean;
}) {
  const [packs, added] = usePacks(kind, period, access.read);
  const [freezing, setFreezing] = useState<"idle" | "busy" | string>("idle");
  const go = (id: string) => {
    const url = new URL(location.href);
    if (id) url.searchParams.set("pack", id);
    else url.searchParams.delete("pack");
    location.assign(url.pathname + url.search);
  };
  const freeze = () => {
    setFreezing("busy");
    freezeReview(data).then((summary) => {
      added(summary);
      go(summary.id);
    }, (e: Error) => setFreezing(e.message));
  };
  return (
    <div class="review-toolbar no-print">
      <button type="button" onClick={() => print()} data-action="print">{t(lang, "reviews.print")}</button>
      {!pack && access.write && (
        <button type="button" onClick={freeze} disabled={freezing === "busy" || !complete} data-action="freeze">
          {t(lang, freezing === "busy" ? "reviews.freezing" : "reviews.freeze")}
        </button>
      )}
      {freezing !== "idle" && freezing !== "busy" && (
        <span class="status-error" role="alert">{t(lang, "reviews.freeze_failed", { message: freezing })}</span>
      )}
      {access.read && (
        <label>
          {t(lang, "reviews.packs")}{" "}
          <select value={pack ?? ""} onChange={(e) => go((e.target as HTMLSelectElement).value)} data-action="packs">
            <option value="">{t(lang, "reviews.live")}</option>
            {packs.map((p) => (
              <option value={p.id}>
                {t(lang, "reviews.pack_option", {
                  time: stampText(p.frozenAt, OFFSET),
                  asOf: stampText(p.asOf, OFFSET),
                })}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
