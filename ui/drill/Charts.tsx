/** The cross-filter controls: the time histogram with its brush, and bars and toggles for the ticket lists. */
import { memo } from "../common/memo.ts";
import { useMemo, useRef, useState } from "preact/hooks";
import { alignRows, barShares, brushRange, inRange } from "../../lib/drill/charts.ts";
import type { ChartRow } from "../../lib/drill/crossfilter.ts";
import type { Grain } from "../../lib/drill/state.ts";
import { formatCount } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";

/** Rendered again only when its own props change (memo): the lists' moves leave it as it is. */
export const Timeline = memo(function Timeline({ rows, grain, range, lang, onRange, onGrain }: {
  rows: ChartRow[];
  grain: Grain;
  range: { from: string; to: string };
  lang: Lang;
  onRange: (range: { from: string; to: string }) => void;
  onGrain: (grain: Grain) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);
  const width = Math.max(1, rows.length);
  const indexAt = (clientX: number) => {
    const box = svg.current!.getBoundingClientRect();
    return Math.floor((clientX - box.left) / box.width * rows.length);
  };
  const shown = drag ? brushRange(rows, drag[0], drag[1], grain) ?? range : range;
  // The bars are one path, drawn once per answer; a move of the range only moves the clip that
  // colours the selected ones (1,000 bars re-rendered per move were most of a move's time, and a
  // rect per bar was thousands of attributes set per answer).
  const bars = useMemo(() => {
    const shares = barShares(rows);
    return rows.map((_, i) => `M${i + 0.1} 100V${100 - shares[i] * 100}h0.8V100Z`).join("");
  }, [rows]);
  const first = rows.findIndex((r) => inRange(r.key, grain, shown));
  const count = first < 0 ? 0 : rows.slice(first).findIndex((r) => !inRange(r.key, grain, shown));
  const span = first < 0 ? 0 : count < 0 ? rows.length - first : count;
  return (
    <section class="chart timeline" aria-label={t(lang, "drill.timeline")}>
      <header>
        <h3>{t(lang, "drill.timeline")}</h3>
        <div class="segmented" role="group" aria-label={t(lang, "drill.grain")}>
          {(["day", "week"] as const).map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={grain === g}
              onClick={() => onGrain(g)}
            >
              {t(lang, `drill.grain_${g}`)}
            </button>
          ))}
        </div>
      </header>
      {rows.length === 0 ? <p class="status">{t(lang, "drill.no_tickets")}</p> : (
        <svg
          ref={svg}
          class="timeline-bars"
          viewBox={`0 0 ${width} 100`}
          preserveAspectRatio="none"
          onPointerDown={(e) => {
            (e.currentTarget as Element).setPointerCapture(e.pointerId);
            const i = indexAt(e.clientX);
            setDrag([i, i]);
          }}
          onPointerMove={(e) => drag && setDrag([drag[0], indexAt(e.clientX)])}
          onPointerUp={() => {
            const next = drag && brushRange(rows, drag[0], drag[1], grain);
            setDrag(null);
            if (next) onRange(next);
          }}
        >
          <defs>
            <clipPath id="timeline-selected">
              <rect x={Math.max(0, first)} width={span} y={0} height={100} />
            </clipPath>
          </defs>
          <path class="out" d={bars} />
          <path class="in" d={bars} clip-path="url(#timeline-selected)" data-first={first} data-span={span} />
        </svg>
      )}
      <div class="range-inputs">
        {(["from", "to"] as const).map((end) => (
          <label key={end}>
            {t(lang, `drill.${end}`)}
            <input
              type="date"
              value={shown[end]}
              onChange={(e) => onRange({ ...range, [end]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
      </div>
    </section>
  );
});

/** One list filter as bars (categories, kinds) or compact toggles (statuses, sources). */
export const ChoiceBars = memo(
  function ChoiceBars({ title, rows, order, selected, lang, label, compact, onToggle, onAll }: {
    title: string;
    rows: ChartRow[];
    order: string[];
    selected: string[] | null;
    lang: Lang;
    /** How a value reads; data values such as categories show as they are. */
    label: (value: string) => string;
    compact?: boolean;
    onToggle: (value: string) => void;
    onAll: () => void;
  }) {
    const aligned = alignRows(rows, order);
    const shares = barShares(aligned);
    return (
      <section class={`chart choices${compact ? " compact" : ""}`} aria-label={title}>
        <header>
          <h3>{title}</h3>
          {selected && <button type="button" class="link" onClick={onAll}>{t(lang, "drill.all")}</button>}
        </header>
        <ul>
          {aligned.map((r, i) => {
            const on = !selected || selected.includes(r.key);
            return (
              <li key={r.key}>
                <button
                  type="button"
                  aria-pressed={on}
                  data-choice={r.key}
                  onClick={() => onToggle(r.key)}
                >
                  <span class="choice-label">{label(r.key)}</span>
                  {!compact && <span class="choice-bar" style={{ width: `${shares[i] * 100}%` }} />}
                  <span class="choice-value" data-value={r.tickets}>{formatCount(r.tickets, lang)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    );
  },
);
