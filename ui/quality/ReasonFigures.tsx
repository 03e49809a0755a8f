/** The count of tickets not placed, in all and by reason; a reason's figure selects its list. */
import { formatCount, formatPercent } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { UnplacedReason } from "../../lib/metrics/data_quality.ts";
import { Figure } from "../common/Figure.tsx";
import type { QualityData } from "./quality_data.ts";

export function ReasonFigures({ share, reasons, selected, onSelect, lang }: {
  share: QualityData["share"];
  reasons: QualityData["reasons"];
  selected: UnplacedReason;
  onSelect: (reason: UnplacedReason) => void;
  lang: Lang;
}) {
  return (
    <div class="quality-figures">
      <Figure
        metric="unplaced_share"
        label={`${t(lang, "quality.unplaced_total")} · ${formatCount(share.unplaced, lang)}`}
        value={share.share}
        text={formatPercent(share.share, lang)}
      />
      {reasons.map((r) => (
        <button
          type="button"
          key={r.reason}
          class="quality-reason"
          data-reason={r.reason}
          aria-pressed={r.reason === selected}
          onClick={() => onSelect(r.reason)}
        >
          <Figure
            metric={`unplaced_${r.reason}`}
            label={`${t(lang, `quality.reason.${r.reason}`)} · ${formatPercent(r.share, lang)}`}
            value={r.tickets}
            text={formatCount(r.tickets, lang)}
          />
        </button>
      ))}
    </div>
  );
}
