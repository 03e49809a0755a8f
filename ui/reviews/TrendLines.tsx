/** Small trend lines per street: monthly tickets and satisfaction, from the review's trend table. */
import type { Row } from "../../lib/db/connector.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import { cellText } from "../../lib/reviews/present.ts";
import type { CellFormat, ReviewTable } from "../../lib/reviews/review.ts";

const W = 160, H = 32;

function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const known = values.filter((v): v is number => v != null);
  if (known.length < 2) return <span class="review-note">—</span>;
  const min = Math.min(...known), max = Math.max(...known);
  const y = (v: number) => max === min ? H / 2 : H - 2 - ((v - min) / (max - min)) * (H - 4);
  const x = (i: number) => (i / (values.length - 1)) * W;
  const points = values.map((v, i) => v == null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`).filter(Boolean);
  return (
    <svg class="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <polyline points={points.join(" ")} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

/** A column's line over the months, with its latest value. */
function TrendCell({ rows, column, format, lang }: {
  rows: Row[];
  column: "tickets" | "satisfaction_rate";
  format: CellFormat;
  lang: Lang;
}) {
  return (
    <td>
      <Sparkline values={rows.map((r) => r[column] as number | null)} label={t(lang, `reviews.col.${column}`)} />
      <span class="sparkline-last">{cellText(rows.at(-1)![column], format, lang)}</span>
    </td>
  );
}

export function TrendLines({ table, lang }: { table: ReviewTable; lang: Lang }) {
  const byStreet = new Map<string, Row[]>();
  for (const row of table.rows) {
    const id = String(row.place_id);
    byStreet.set(id, [...byStreet.get(id) ?? [], row]);
  }
  return (
    <table class="review-trends">
      <thead>
        <tr>
          <th>{t(lang, "reviews.col.name")}</th>
          <th>{t(lang, "reviews.col.trend_tickets")}</th>
          <th>{t(lang, "reviews.col.trend_satisfaction")}</th>
        </tr>
      </thead>
      <tbody>
        {[...byStreet].map(([id, rows]) => {
          return (
            <tr data-place={id}>
              <td>{String(rows.at(-1)!.name)}</td>
              <TrendCell rows={rows} column="tickets" format="count" lang={lang} />
              <TrendCell rows={rows} column="satisfaction_rate" format="percent" lang={lang} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
