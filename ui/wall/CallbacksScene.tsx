/** Callbacks and satisfaction of the tickets received this month, beside last month's, and satisfaction by street. */
import { formatCount, formatPercent } from "../../lib/format.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { HOUR_MS, UTC_OFFSET_HOURS } from "../../lib/time.ts";
import type { CallbackFigures, CallbacksSceneData } from "../../lib/wall/scene_data.ts";
import { RateBar } from "./RateBar.tsx";

const ROWS: [MessageKey, (f: CallbackFigures, lang: Lang) => string][] = [
  ["wall.closed", (f, lang) => formatCount(f.closed, lang)],
  ["wall.called_back", (f, lang) => formatCount(f.calledBack, lang)],
  ["wall.callback_coverage", (f, lang) => formatPercent(f.coverage, lang)],
  ["wall.callback_timeliness", (f, lang) => formatPercent(f.timeliness, lang)],
  ["metric.satisfaction", (f, lang) => formatPercent(f.satisfaction, lang)],
  ["wall.unsatisfied", (f, lang) => formatCount(f.unsatisfied, lang)],
];

const monthOf = (start: number) => new Date(start + UTC_OFFSET_HOURS * HOUR_MS).getUTCMonth() + 1;

export function CallbacksScene({ data, lang }: { data: CallbacksSceneData; lang: Lang }) {
  return (
    <div class="wall-callbacks">
      <table class="wall-table wall-compare">
        <thead>
          <tr>
            <th />
            <th class="num">{t(lang, "wall.month_label", { month: monthOf(data.monthStart) })}</th>
            <th class="num">{t(lang, "wall.month_label", { month: monthOf(data.previousMonthStart) })}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, show]) => (
            <tr key={label}>
              <th>{t(lang, label)}</th>
              <td class="num wall-big">{show(data.month, lang)}</td>
              <td class="num">{show(data.previous, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="wall-panel">
        <h3>{t(lang, "wall.street_satisfaction")}</h3>
        <ul class="wall-bars">
          {data.streets.map((s) => (
            <li key={s.placeId} data-place={s.placeId}>
              <span class="wall-name">{s.name}</span>
              <RateBar value={s.satisfaction} lang={lang} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
