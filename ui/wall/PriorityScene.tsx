/** The priority list: compounds with many tickets and weak coverage, with their Gi* class among compounds. */
import { formatCount, formatPercent } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import { GI_COLORS } from "../../lib/map/palette.ts";
import type { PrioritySceneData } from "../../lib/wall/scene_data.ts";

export function PriorityScene({ data, lang }: { data: PrioritySceneData; lang: Lang }) {
  return (
    <table class="wall-table wall-priority">
      <thead>
        <tr>
          <th>{t(lang, "wall.compound")}</th>
          <th>{t(lang, "level.street")}</th>
          <th class="num">{t(lang, "wall.ticket_rate")}</th>
          <th class="num">{t(lang, "wall.linked_coverage")}</th>
          <th>{t(lang, "wall.hotspot")}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.compoundId} data-place={r.compoundId}>
            <td class="wall-name">{r.name}</td>
            <td>{r.street}</td>
            <td class="num wall-warn">{formatCount(r.ticketRate, lang)}</td>
            <td class="num">{formatPercent(r.coverage, lang)}</td>
            <td>
              <span class={`wall-chip is-${r.hotspot}`} style={{ borderColor: GI_COLORS.dark[r.hotspot] }}>
                {t(lang, `wall.gi.${r.hotspot}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
