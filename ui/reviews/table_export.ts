/** A review table saved as CSV or XLSX in the page's language; nothing goes to the server. */
import { toCsv } from "../../lib/export/csv.ts";
import { toXlsx } from "../../lib/export/xlsx.ts";
import type { Lang } from "../../lib/i18n.ts";
import { exportRows } from "../../lib/reviews/present.ts";
import type { ReviewTable } from "../../lib/reviews/review.ts";
import { download } from "../common/exports.ts";

export async function exportTable(table: ReviewTable, format: "csv" | "xlsx", lang: Lang, stem: string) {
  const { columns, rows } = exportRows(table, lang);
  const bytes = format === "csv"
    // A byte-order mark so that Excel opens Chinese text as UTF-8.
    ? new TextEncoder().encode("\uFEFF" + toCsv(rows, columns))
    : await toXlsx(rows, columns, table.id);
  download(bytes, format, stem);
}
