/** The cross-filter's charts: the timeline brush and the bars of categories, kinds, statuses and sources. */
import { total } from "../../lib/drill/charts.ts";
import type { ChartData } from "../../lib/drill/crossfilter.ts";
import { useMemo, useRef } from "preact/hooks";
import { type Grain, type MapState, toggleValue } from "../../lib/drill/state.ts";
import { formatCount } from "../../lib/format.ts";
import { type Lang, t, textOr } from "../../lib/i18n.ts";
import type { Axis } from "../../lib/metrics/cube.ts";
import { StatusMessage } from "../common/StatusMessage.tsx";
import type { QueryState } from "../common/use_store_query.ts";
import { ChoiceBars, Timeline } from "./Charts.tsx";
import type { TicketMeta } from "./drill_data.ts";
import type { UpdateState } from "./use_url_state.ts";

const LISTS = [
  ["categories", "category", "drill.categories"],
  ["kinds", "kind", "drill.kinds"],
  ["statuses", "status", "drill.statuses"],
  ["sources", "source", "drill.sources"],
] as const;

export function Filters({ s, tickets, charts, range, lang, change, update }: {
  s: MapState;
  tickets: QueryState<TicketMeta>;
  charts: QueryState<ChartData> & { stale: boolean };
  range: { from: string; to: string };
  lang: Lang;
  change: (axis: Axis, next: Partial<MapState>) => void;
  update: UpdateState;
}) {
  // Handlers that stay the same while the filter moves, so a chart whose rows did not change
  // (the moving control's own) is not rendered again; they read the state as it is when called.
  const current = useRef(s);
  current.current = s;
  const choices = tickets.status === "ready" ? tickets.data.choices : null;
  const handlers = useMemo(() => {
    const forList = ([view, axis]: typeof LISTS[number]) => ({
      toggle: (value: string) =>
        change(axis, { [view]: toggleValue(current.current[view], value, choices?.[view] ?? []) }),
      all: () => change(axis, { [view]: null }),
      label: (v: string) => view === "kinds" || view === "statuses" ? textOr(lang, `${axis}.${v}`, v) : v,
    });
    return {
      lists: Object.fromEntries(LISTS.map((list) => [list[0], forList(list)])),
      range: (r: { from: string; to: string }) => change("time", { from: r.from, to: r.to }),
      grain: (grain: Grain) => update({ grain }),
    };
  }, [change, update, choices, lang]);
  if (tickets.status === "error") return <StatusMessage state={tickets} lang={lang} />;
  if (tickets.status === "loading") return <p class="status" role="status">{t(lang, "drill.tickets_loading")}</p>;
  if (charts.status === "error") return <StatusMessage state={charts} lang={lang} />;
  if (charts.status === "loading") return <p class="status" role="status">{t(lang, "drill.charts_loading")}</p>;
  const c = charts.data;
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
        onRange={handlers.range}
        onGrain={handlers.grain}
      />
      {LISTS.map(([view, _axis, title]) => (
        <ChoiceBars
          key={view}
          title={t(lang, title)}
          rows={c[view]}
          order={choices![view]}
          selected={s[view]}
          lang={lang}
          label={handlers.lists[view].label}
          compact={view === "statuses" || view === "sources"}
          onToggle={handlers.lists[view].toggle}
          onAll={handlers.lists[view].all}
        />
      ))}
    </div>
  );
}
