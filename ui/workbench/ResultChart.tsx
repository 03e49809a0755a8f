/** The result as a chart (Observable Plot), with the columns chosen by `defaultChart`. */
import type { Table as ArrowTable } from "apache-arrow";
import { useEffect, useRef } from "preact/hooks";
import { arrowToRows } from "../../lib/db/connector.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import { type ChartSpec, columnKind } from "../../lib/workbench/result_kind.ts";

/** Enough points for any chart a person can read; more only slows the page. */
const CHART_ROWS = 5000;

export function ResultChart({ table, spec, lang }: { table: ArrowTable; spec: ChartSpec; lang: Lang }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!spec) return;
    let cancelled = false;
    import("@observablehq/plot").then((Plot) => {
      if (cancelled || !host.current) return;
      const rows = arrowToRows(table.slice(0, CHART_ROWS));
      // Instants arrive as epoch milliseconds; as Dates, Plot gives them a time axis.
      const times = table.schema.fields.filter((f) => columnKind(String(f.type)) === "time").map((f) => f.name);
      for (const row of rows) for (const c of times) if (row[c] != null) row[c] = new Date(row[c] as number);
      const width = host.current.clientWidth || 800;
      const mark = spec.mark === "line"
        ? Plot.lineY(rows, { x: spec.x, y: spec.y, stroke: "#c0392b", marker: rows.length < 60 })
        : spec.mark === "bar"
        ? Plot.barY(rows, { x: spec.x, y: spec.y, fill: "#e07b39", sort: { x: "-y" } })
        : Plot.rectY(rows, { ...Plot.binX({ y: "count" }, { x: spec.x }), fill: "#e07b39" });
      const chart = Plot.plot({
        width,
        height: 420,
        marginLeft: 60,
        marginBottom: 60,
        x: { tickRotate: spec.mark === "bar" ? -30 : 0, label: spec.x },
        y: { grid: true, label: spec.mark === "histogram" ? "count" : spec.y },
        marks: [mark, Plot.ruleY([0])],
      });
      host.current.replaceChildren(chart);
    });
    return () => {
      cancelled = true;
    };
  }, [table, spec]);
  if (!spec) return <p class="status">{t(lang, "sql.no_chart")}</p>;
  return <div class="sql-chart" ref={host} data-mark={spec.mark} />;
}
