/** The cross-filter's charts: the timeline brush and the bars of categories, kinds, statuses and sources. */
import { total } from "../../lib/drill/charts.ts";
import type { ChartData } from "../../lib/drill/crossfilter.ts";
import { type MapState, toggleValue } from "../../lib/drill/state.ts";
import { formatCount } from "../../lib/format.ts";
import { type Lang, t, textOr } from "../../lib/i18n.ts";
import type { Axis } from "../../lib/metrics/cube.ts";
import { StatusMessage } from "../common/StatusMessage.tsx";
import type { QueryState } from "../common/use_store_query.ts";
import { ChoiceBars, Timeline } from "./Charts.tsx";
import type { TicketMeta } from "./drill_data.ts";
import type { UpdateState } from "./use_url_state.ts";

export function Filters({ s, tickets, charts, range, lang, change, update }: {
  s: MapState;
  tickets: QueryState<TicketMeta>;
  charts: QueryState<ChartData> & { stale: boolean };
  range: { from: string; to: string };
  lang: Lang;
  change: (axis: Axis, next: Partial<MapState>) => void;
  update: UpdateState;
}) {
  if (tickets.status === "error") return <StatusMessage state={tickets} lang={lang} />;
  if (tickets.status === "loading") return <p class="status" role="status">{t(lang, "drill.tickets_loading")}</p>;
  const { choices } = tickets.data;
  if (charts.status === "error") return <StatusMessage state={charts} lang={lang} />;
  if (charts.status === "loading") return <p class="status" role="status">{t(lang, "drill.charts_loading")}</p>;
  const c = charts.data;
  const lists = [
    ["categories", "category", "drill.categories", (v: string) => v],
    ["kinds", "kind", "drill.kinds", (v: string) => textOr(lang, `kind.${v}`, v)],
    ["statuses", "status", "drill.statuses", (v: string) => textOr(lang, `status.${v}`, v)],
    ["sources", "source", "drill.sources", (v: string) => v],
  ] as const;
  const shown = total(c.statuses.filter((r) => !s.statuses || s.statuses.includes(r.key)));
  return (
    <div class={`drill-charts${charts.stale ? " stale" : ""}`}>
      <div class="filtered-total" data-metric="filtered_tickets" data-value={shown}>
        {t(lang, "drill.filtered", { n: formatCount(shown, lang) })}
      </div>
      <Timeline
        rows={c.timeline}
        grain={s.grain}
        range={range}
        lang={lang}
        onRange={(r) => change("time", { from: r.from, to: r.to })}
        onGrain={(grain) => update({ grain })}
      />
      {lists.map(([view, axis, title, label]) => (
        <ChoiceBars
          key={view}
          title={t(lang, title)}
          rows={c[view]}
          order={choices[view]}
          selected={s[view]}
          lang={lang}
          label={label}
          compact={view === "statuses" || view === "sources"}
          onToggle={(value) => change(axis, { [view]: toggleValue(s[view], value, choices[view]) })}
          onAll={() => change(axis, { [view]: null })}
        />
      ))}
    </div>
  );
}
