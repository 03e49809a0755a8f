/** A row of headline figures, each formatted the way its kind of number reads best. */
import { formatCount, formatPercent } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { Headline } from "../common/district_data.ts";
import { Figure } from "../common/Figure.tsx";

const RATIOS = new Set<keyof Headline>(["satisfaction", "unplaced_share"]);

export function HeadlineFigures({ headline, metrics, lang }: {
  headline: Headline;
  metrics: (keyof Headline)[];
  lang: Lang;
}) {
  return (
    <>
      {metrics.map((m) => (
        <Figure
          key={m}
          metric={m}
          label={t(lang, `metric.${m}`)}
          value={headline[m]}
          text={RATIOS.has(m) ? formatPercent(headline[m], lang) : formatCount(headline[m], lang)}
        />
      ))}
    </>
  );
}
