/**
 * What a review page shows, as plain data: its figures and tables, the period and the
 * data-as-of stamp. The page renders it, exports its tables and freezes it whole into a
 * review pack, so a frozen review and a live one are drawn by the same code.
 */
import type { Row } from "../db/connector.ts";
import type { Filter } from "../metrics/filter.ts";
import type { PeriodKind } from "./period.ts";

/** How a value reads on the page; exports keep the raw value. */
/** `code`: a stored code (kind, status, callback result, level) shown in words. */
export type CellFormat = "text" | "code" | "count" | "percent" | "decimal" | "date" | "rank_change" | "yes_no";

export interface ReviewFigure {
  key: string;
  value: number | null;
  format: CellFormat;
}

export interface ReviewTable {
  /** Names the table's title (`reviews.table.<id>`) and its export files. */
  id: string;
  columns: { key: string; format: CellFormat }[];
  /** Each row's values by column key, plus `place_id` when the row is a place (for links to the map). */
  rows: Row[];
  /** Rows the query found; the page may show fewer, the exports hold them all. */
  total: number;
  /** The level of the rows' `place_id`, for links to the map. */
  placeLevel?: "street" | "community";
}

export interface ReviewData {
  kind: PeriodKind;
  period: string;
  /** The tickets the figures count: `from`/`to` on receipt, or the closing month of a callback round. */
  filter: Filter & { closedFrom?: string; closedTo?: string };
  district: string | null;
  /** The newest ticket's time (epoch ms): what the figures are "as of". */
  asOf: number | null;
  /** The store version the figures were computed from. */
  storeVersion: string;
  figures: ReviewFigure[];
  tables: ReviewTable[];
}

/** A table whose columns are given as `key: format`, in display order. */
export function reviewTable(
  id: string,
  formats: Record<string, CellFormat>,
  rows: Row[],
  placeLevel?: ReviewTable["placeLevel"],
): ReviewTable {
  return {
    ...(placeLevel ? { placeLevel } : {}),
    id,
    columns: Object.entries(formats).map(([key, format]) => ({ key, format })),
    rows: rows.map((r) => {
      const picked = Object.fromEntries(Object.keys(formats).map((k) => [k, r[k] ?? null]));
      return r.place_id == null ? picked : { ...picked, place_id: r.place_id };
    }),
    total: rows.length,
  };
}

/** Figures picked from one result row, each with its format. */
export function figuresFrom(row: Row | undefined, formats: Record<string, CellFormat>): ReviewFigure[] {
  return Object.entries(formats).map(([key, format]) => ({ key, format, value: numberOrNull(row?.[key]) }));
}

export function numberOrNull(value: unknown): number | null {
  return value == null || !Number.isFinite(Number(value)) ? null : Number(value);
}
