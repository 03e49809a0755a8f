/** The place's compounds ranked by the map's layer, worst first, each a step down the drill. */
import { memo } from "../common/memo.ts";
import type { RankedCompound } from "../../lib/drill/ranking.ts";
import type { PlaceRef } from "../../lib/drill/state.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { formatLayerValue, type LayerId } from "../../lib/map/layers.ts";

export const CompoundRanking = memo(function CompoundRanking({ ranked, layer, lang, onPick }: {
  ranked: RankedCompound[];
  layer: LayerId;
  lang: Lang;
  onPick: (place: PlaceRef) => void;
}) {
  if (!ranked.length) return null;
  return (
    <details class="children ranking" open>
      <summary>{t(lang, "drill.ranking", { layer: t(lang, `layer.${layer}` as MessageKey) })}</summary>
      <ol>
        {ranked.map((r, i) => (
          <li key={r.id}>
            <span class="rank">{i + 1}</span>
            <button type="button" class="link" data-rank={r.id} onClick={() => onPick({ level: "compound", id: r.id })}>
              {r.name}
            </button>
            <span class="num" data-value={r.value}>{formatLayerValue(layer, r.value, lang)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
});
