/** Streets ranked on the three rates (响应率, 解决率, 满意率). */
import { formatCount } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { RankingRow } from "../../lib/wall/scene_data.ts";
import { RateBar } from "./RateBar.tsx";

export function RankingScene({ rows, lang }: { rows: RankingRow[]; lang: Lang }) {
  return (
    <table class="wall-table wall-ranking">
      <thead>
        <tr>
          <th class="num">{t(lang, "wall.rank")}</th>
          <th>{t(lang, "level.street")}</th>
          <th>{t(lang, "wall.response_rate")}</th>
          <th>{t(lang, "wall.resolution_rate")}</th>
          <th>{t(lang, "metric.satisfaction")}</th>
          <th class="num">{t(lang, "wall.tickets")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.placeId} data-place={r.placeId}>
            <td class="num wall-rank">{i + 1}</td>
            <td class="wall-name">{r.name}</td>
            <td>
              <RateBar value={r.responseRate} lang={lang} />
            </td>
            <td>
              <RateBar value={r.resolutionRate} lang={lang} />
            </td>
            <td>
              <RateBar value={r.satisfactionRate} lang={lang} />
            </td>
            <td class="num">{formatCount(r.tickets, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
