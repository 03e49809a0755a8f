/** A share as a bar and its figure; an unknown share says so rather than drawing an empty bar as 0 %. */
import { formatPercent } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";

/** Below this share a rate is marked as weak on the wall. */
const WEAK_BELOW = 0.9;

export function RateBar({ value, lang }: { value: number | null; lang: Lang }) {
  if (value === null) return <span class="wall-rate is-unknown">{t(lang, "wall.not_rated")}</span>;
  return (
    <span class={`wall-rate${value < WEAK_BELOW ? " is-weak" : ""}`} data-rate={value}>
      <span class="wall-rate-track">
        <span class="wall-rate-fill" style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
      </span>
      <span class="wall-rate-value">{formatPercent(value, lang)}</span>
    </span>
  );
}
