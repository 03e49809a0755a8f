/** The chosen layer's legend: its classes with their ranges, or its categories (Gi*, gaps). */
import type { ClassedValues, LayerId } from "../../lib/map/layers.ts";
import { formatLayerValue } from "../../lib/map/layers.ts";
import { ALERT_RINGS, GAP_COLORS, GI_COLORS, PALETTES, PRIORITY_OUTLINE } from "../../lib/map/palette.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";

export function LayerLegend({ layer, classes, alerts, lang }: {
  layer: LayerId;
  classes: ClassedValues | null;
  /** Whether the alerts layer's rings are drawn. */
  alerts: boolean;
  lang: Lang;
}) {
  const items: [string, string][] = [];
  if (layer === "hotspots") {
    for (const [cls, color] of Object.entries(GI_COLORS.light)) items.push([color, t(lang, `gi.${cls}` as MessageKey)]);
  } else if (layer === "gaps") {
    GAP_COLORS.forEach((color, i) => items.push([color, t(lang, `gap.${i}` as MessageKey)]));
  } else if (classes) {
    const f = (v: number) => formatLayerValue(layer, v, lang);
    classes.colors.forEach((color, i) => {
      const lo = classes.breaks[i - 1], hi = classes.breaks[i];
      // A single class without breaks holds no value above zero.
      const text = lo === undefined && hi === undefined
        ? f(0)
        : lo === undefined
        ? `< ${f(hi)}`
        : hi === undefined
        ? `≥ ${f(lo)}`
        : `${f(lo)} – ${f(hi)}`;
      items.push([color, text]);
    });
  }
  if (layer !== "hotspots" && layer !== "density") items.push([PALETTES.light.noData, t(lang, "drill.no_data")]);
  return (
    <div class="layer-legend" aria-label={t(lang, "drill.legend")}>
      <strong>{t(lang, `layer.${layer}` as MessageKey)}</strong>
      <ul>
        {items.map(([color, text]) => (
          <li key={text}>
            <span class="swatch" style={{ background: color }} />
            {text}
          </li>
        ))}
        {layer === "priority" && (
          <li>
            <span class="swatch outline" style={{ borderColor: PRIORITY_OUTLINE }} />
            {t(lang, "drill.priority_outline")}
          </li>
        )}
      </ul>
      {alerts && <AlertRingsLegend lang={lang} />}
    </div>
  );
}

function AlertRingsLegend({ lang }: { lang: Lang }) {
  const [low, high] = ALERT_RINGS.breaks;
  const labels = [
    t(lang, "alerts.rings_one"),
    low + 1 === high ? String(low) : t(lang, "alerts.rings_some", { from: low, to: high - 1 }),
    t(lang, "alerts.rings_many", { n: high }),
  ];
  return (
    <>
      <strong>{t(lang, "alerts.title")}</strong>
      <ul class="alert-rings">
        {labels.map((text, i) => (
          <li key={text}>
            <span
              class="swatch outline"
              style={{ borderColor: ALERT_RINGS.colors[i], borderWidth: `${ALERT_RINGS.widths[i]}px` }}
            />
            {text}
          </li>
        ))}
      </ul>
    </>
  );
}
