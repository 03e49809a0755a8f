/** A review table saved as CSV or XLSX in the page's language; nothing goes to the server. */
import type { Lang } from "../../lib/i18n.ts";
import { exportRows } from "../../lib/reviews/present.ts";
import type { ReviewTable } from "../../lib/reviews/review.ts";
import { saveRows } from "../common/exports.ts";

export async function exportTable(table: ReviewTable, format: "csv" | "xlsx", lang: Lang, stem: string) {
  const { columns, rows } = exportRows(table, lang);
  await saveRows(rows, columns, format, stem, table.id);
}
