/** A surging series over the last weeks (Observable Plot): its count against the expected count and the usual band. */
import { useEffect, useMemo, useRef } from "preact/hooks";
import type { Row } from "../../lib/db/connector.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import { SURGE_CHART } from "../../lib/map/palette.ts";
import { DAY_MS } from "../../lib/time.ts";

const value = (v: unknown) => v == null ? null : Number(v);

/**
 * `rows`: the place's series of every category and grain, as queried; the chart draws the
 * one of `grain` and `category`, anew only when those change, not on every render of the page.
 */
export function SurgeChart({ rows: all, grain, category, lang }: {
  rows: Row[];
  grain: "day" | "week";
  category: string | null;
  lang: Lang;
}) {
  const host = useRef<HTMLDivElement>(null);
  const rows = useMemo(
    () => all.filter((r) => r.grain === grain && (r.category ?? null) === category),
    [all, grain, category],
  );
  useEffect(() => {
    let cancelled = false;
    import("@observablehq/plot").then((Plot) => {
      if (cancelled || !host.current) return;
      // Days not judged (too little history) have no expected count: gaps, not zeros.
      const points = rows.map((r) => ({
        day: new Date(Number(r.day)),
        observed: value(r.observed),
        expected: value(r.expected),
        upper: value(r.upper),
      }));
      const alerted = points.filter((_, i) => rows[i].alert);
      // Every other week back from the last day, none at the edges where its label would be cut.
      const last = points.at(-1)?.day.getTime() ?? 0;
      const ticks = [49, 35, 21, 7].map((days) => new Date(last - days * DAY_MS));
      host.current.replaceChildren(Plot.plot({
        width: host.current.clientWidth || 320,
        height: 130,
        marginLeft: 30,
        marginRight: 8,
        x: { type: "utc", label: null, tickFormat: "%m-%d", ticks },
        y: { grid: true, label: null, nice: true, zero: true },
        marks: [
          Plot.areaY(points, { x: "day", y1: "expected", y2: "upper", fill: SURGE_CHART.expected, fillOpacity: 0.18 }),
          Plot.lineY(points, { x: "day", y: "expected", stroke: SURGE_CHART.expected, strokeDasharray: "4 3" }),
          Plot.lineY(points, { x: "day", y: "observed", stroke: SURGE_CHART.observed, strokeWidth: 1.5 }),
          Plot.dot(alerted, { x: "day", y: "observed", fill: SURGE_CHART.observed, r: 2.5 }),
        ],
      }));
    });
    return () => {
      cancelled = true;
    };
  }, [rows]);
  return (
    <figure class="surge-chart" data-days={rows.length}>
      <div ref={host} />
      <figcaption class="muted">
        {t(lang, "alerts.chart", { grain: t(lang, `alerts.chart_grain.${grain}`) })}
      </figcaption>
    </figure>
  );
}
