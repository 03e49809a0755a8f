/** The colour ramp of the compound layer, with the range it spans. */
import { type Lang, t } from "../../lib/i18n.ts";
import { PALETTES, type Theme } from "../../lib/map/palette.ts";

export function Legend({ stops, theme, lang }: { stops: number[]; theme: Theme; lang: Lang }) {
  const gradient = `linear-gradient(to right, ${PALETTES[theme].ramp.join(", ")})`;
  return (
    <div class="legend">
      <span>{t(lang, "legend.low")}</span>
      <span class="legend-ramp" style={{ background: gradient }} />
      <span>{t(lang, "legend.high")}</span>
      <span class="legend-range">{stops.length ? `${Math.round(stops[0])}–${Math.round(stops.at(-1)!)}` : ""}</span>
    </div>
  );
}
