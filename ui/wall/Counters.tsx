/** The wall's headline counts, each as a Figure (its raw value kept in `data-value`). */
import { formatCount } from "../../lib/format.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { Figure } from "../common/Figure.tsx";

export type Counter = readonly [metric: string, label: MessageKey, value: number];

export function Counters({ counters, lang }: { counters: readonly Counter[]; lang: Lang }) {
  return (
    <div class="wall-counters">
      {counters.map(([metric, label, value]) => (
        <Figure key={metric} metric={metric} label={t(lang, label)} value={value} text={formatCount(value, lang)} />
      ))}
    </div>
  );
}
