/**
 * How a review's values read, on the page and in its exports: the page shows a value
 * formatted, an export keeps numbers as numbers and writes the rest as the page's words,
 * so a sheet handed out reads like the printed table and still sums in Excel.
 */
import type { Row } from "../db/connector.ts";
import { formatCount, formatPercent } from "../format.ts";
import { type Lang, type MessageKey, t, textOr } from "../i18n.ts";
import type { Period } from "./period.ts";
import type { CellFormat, ReviewTable } from "./review.ts";
import { HOUR_MS, localDateOf } from "../time.ts";

/** The value as an export cell: a number, or the text the page shows. */
export function exportValue(value: unknown, format: CellFormat, lang: Lang): string | number | null {
  if (value == null) return null;
  switch (format) {
    case "count":
    case "percent":
    case "decimal":
    case "rank_change":
      return Number(value);
    case "date":
      return localDateOf(Number(value), 0);
    case "yes_no":
      return t(lang, value ? "reviews.value.yes" : "reviews.value.no");
    case "code":
      return textOr(lang, `reviews.value.${value}`, String(value));
    case "text":
      return String(value);
  }
}

/** The value as the page shows it; missing values show as a dash, never as 0. */
export function cellText(value: unknown, format: CellFormat, lang: Lang): string {
  if (value == null) return "—";
  const n = Number(value);
  switch (format) {
    case "count":
      return formatCount(n, lang);
    case "percent":
      return formatPercent(n, lang);
    case "decimal":
      return n.toLocaleString(lang, { maximumFractionDigits: 1 });
    case "rank_change":
      return n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : "0";
    default:
      return String(exportValue(value, format, lang));
  }
}

/** A table's header labels and rows of export cells, in the page's language. */
export function exportRows(table: ReviewTable, lang: Lang): { columns: string[]; rows: Row[] } {
  const columns = table.columns.map((c) => t(lang, `reviews.col.${c.key}` as MessageKey));
  const rows = table.rows.map((r) =>
    Object.fromEntries(table.columns.map((c, i) => [columns[i], exportValue(r[c.key], c.format, lang)]))
  );
  return { columns, rows };
}

export function periodLabel(period: Period, lang: Lang): string {
  const year = period.start.slice(0, 4);
  const month = Number(period.start.slice(5, 7));
  if (period.kind === "month") return t(lang, "reviews.period.month", { year, month });
  if (period.kind === "quarter") return t(lang, "reviews.period.quarter", { year, quarter: Math.ceil(month / 3) });
  return t(lang, "reviews.period.year", { year });
}

export function reviewTitle(period: Period, lang: Lang): string {
  return t(lang, `reviews.title.${period.kind}`, { period: periodLabel(period, lang) });
}

/** A time stamp as the district reads it: local date and minutes. */
export function stampText(ms: number | null, utcOffsetHours: number): string {
  if (ms == null) return "—";
  return new Date(ms + utcOffsetHours * HOUR_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** CSS strings are quoted; a quote or backslash in a district's name must not end them. */
const cssString = (s: string) => `"${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

/**
 * The printed page's margins: the district, review and data-as-of stamp at the foot of
 * every A4 page, and its number. Built per review, since the words come from the data.
 */
export function printPageCss(footer: string, lang: Lang): string {
  const [before, between, after] = t(lang, "reviews.page_number", { page: "\u0000", pages: "\u0000" }).split("\u0000");
  return `@page {
  size: A4;
  margin: 16mm 14mm 18mm;
  @bottom-left { content: ${cssString(footer)}; font-size: 8pt; color: #555; }
  @bottom-right {
    content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)};
    font-size: 8pt; color: #555;
  }
}`;
}
