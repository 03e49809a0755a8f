/**
 * One review table with its title and exports. Each cell carries its export value in
 * `data-value`, so tests compare the page with its exports and with SQL; place rows
 * link to the map at the same place and period.
 */
import type { ComponentChildren } from "preact";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { cellText, exportValue } from "../../lib/reviews/present.ts";
import type { ReviewTable } from "../../lib/reviews/review.ts";
import { exportTable } from "./table_export.ts";

export interface MapRange {
  from: string;
  to: string;
}

function mapHref(level: string, placeId: string, range: MapRange, lang: Lang): string {
  const params = new URLSearchParams({ place: `${level}:${placeId}`, from: range.from, to: range.to });
  if (lang === "en") params.set("lang", "en");
  return `/map?${params.toString().replaceAll("%3A", ":")}`;
}

export function ReviewTableView({ table, lang, stem, mapRange, focus, limit = Infinity, note, children }: {
  table: ReviewTable;
  lang: Lang;
  /** File name stem of the exports. */
  stem: string;
  mapRange: MapRange;
  /** A place whose row is highlighted. */
  focus: string | null;
  limit?: number;
  note?: string;
  /** Drawn instead of the rows (e.g. trend lines); the exports still hold the rows. */
  children?: ComponentChildren;
}) {
  const shown = table.rows.slice(0, limit);
  const level = table.placeLevel;
  return (
    <section class="panel review-table" data-table={table.id} data-total={table.total}>
      <header class="review-table-head">
        <h2>{t(lang, `reviews.table.${table.id}` as MessageKey)}</h2>
        <span class="review-exports no-print">
          {(["csv", "xlsx"] as const).map((format) => (
            <button
              type="button"
              data-export={format}
              disabled={table.total === 0}
              onClick={() => exportTable(table, format, lang, `${stem}-${table.id}`)}
            >
              {t(lang, format === "csv" ? "reviews.export_csv" : "reviews.export_xlsx")}
            </button>
          ))}
        </span>
      </header>
      {note && <p class="review-note">{note}</p>}
      {table.total === 0
        ? <p class="review-empty">{t(lang, "reviews.empty_table")}</p>
        : children ?? (
          <div class="review-scroll">
            <table>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th data-format={c.format}>{t(lang, `reviews.col.${c.key}` as MessageKey)}</th>
                  ))}
                  {level && <th class="no-print" />}
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr
                    data-place={row.place_id ?? undefined}
                    class={focus && row.place_id === focus ? "review-focus" : undefined}
                  >
                    {table.columns.map((c) => (
                      <td
                        data-key={c.key}
                        data-format={c.format}
                        data-value={exportValue(row[c.key], c.format, lang) ?? ""}
                      >
                        {cellText(row[c.key], c.format, lang)}
                      </td>
                    ))}
                    {level && row.place_id != null && (
                      <td class="no-print">
                        <a
                          href={mapHref(level, String(row.place_id), mapRange, lang)}
                          title={t(lang, "reviews.map_link_title", { name: String(row.name ?? row.street ?? "") })}
                        >
                          {t(lang, "reviews.map_link")}
                        </a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {shown.length < table.total && (
        <p class="review-note">{t(lang, "reviews.showing", { shown: shown.length, total: table.total })}</p>
      )}
    </section>
  );
}
