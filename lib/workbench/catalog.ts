/**
 * The schema at hand: every table and view in the analyst's DuckDB with its columns,
 * types, row count and a one-line description (from lib/schema.ts for the canonical
 * tables, from the review figures' own tables for those the server adds to a scope;
 * uploaded tables are described as such).
 */
import type { Connector } from "../db/connector.ts";
import type { Lang } from "../i18n.ts";
import { STREET_ROUNDS } from "../reviews/callback_round.ts";
import { STREET_SCORECARDS } from "../reviews/scorecard.ts";
import { TABLES } from "../schema.ts";
import { SCOPE_SCHEMA } from "../store/scope_database.ts";

export interface CatalogColumn {
  name: string;
  type: string;
  description: string;
}

export interface CatalogTable {
  name: string;
  kind: "table" | "view";
  rows: number | null;
  description: string;
  columns: CatalogColumn[];
}

/**
 * The page's own tables and views, not the attached store database's (lib/store/scope_database.ts),
 * whose tables the page reads through views of the same name: those are shown as the tables they are.
 */
export const CATALOG_SQL = `SELECT t.table_name,
  CASE WHEN t.table_type = 'VIEW' AND t.table_name IN (
    SELECT table_name FROM information_schema.tables WHERE table_catalog = '${SCOPE_SCHEMA}'
  ) THEN 'BASE TABLE' ELSE t.table_type END AS table_type,
  c.column_name, c.data_type
FROM information_schema.tables t
JOIN information_schema.columns c
  ON c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = t.table_name
WHERE t.table_schema = 'main' AND t.table_catalog = current_database()
ORDER BY t.table_name, c.ordinal_position`;

/** Descriptions of what is not in lib/schema.ts: the derived views. */
const VIEWS: Record<string, [string, string]> = {
  ticket_facts: [
    "工单事实视图：每张工单及其派生指标（办理时长、是否按时、回访结果等）",
    "Ticket facts: each ticket with its derived measures (time to close, on time, callback result…)",
  ],
  alerts: [
    "预警视图：近 7 天的激增、办结后复诉和临期工单（见 lib/alerts）",
    "Alerts: surges, recurrences after closing and tickets at risk of missing their deadline, last 7 days",
  ],
};

/** Every street's review figures, which the server adds to the scopes of the masked roles and street officials. */
const DESCRIBED = [...TABLES, STREET_SCORECARDS, STREET_ROUNDS];

export function tableDescription(name: string, lang: Lang): string {
  const known = DESCRIBED.find((t) => t.name === name);
  if (known) return lang === "en" ? known.en : known.zh;
  const view = VIEWS[name];
  if (view) return view[lang === "en" ? 1 : 0];
  return lang === "en" ? "Table you brought in" : "您导入的数据表";
}

function columnDescription(table: string, column: string, lang: Lang): string {
  const c = TABLES.find((t) => t.name === table)?.columns.find((c) => c.name === column);
  return c ? (lang === "en" ? c.en : c.zh) : "";
}

export async function readCatalog(db: Connector, lang: Lang): Promise<CatalogTable[]> {
  const rows = await db.query<{ table_name: string; table_type: string; column_name: string; data_type: string }>(
    CATALOG_SQL,
  );
  const tables = new Map<string, CatalogTable>();
  for (const r of rows) {
    let t = tables.get(r.table_name);
    if (!t) {
      const kind = r.table_type === "VIEW" ? "view" : "table";
      t = { name: r.table_name, kind, rows: null, description: tableDescription(r.table_name, lang), columns: [] };
      tables.set(r.table_name, t);
    }
    t.columns.push({
      name: r.column_name,
      type: r.data_type,
      description: columnDescription(t.name, r.column_name, lang),
    });
  }
  // Views are counted through their table: counting a view would compute it in full.
  const counted = [...tables.values()].filter((t) => t.kind === "table");
  if (counted.length) {
    const sql = counted.map((t) => `SELECT '${t.name}' AS name, count(*) AS n FROM "${t.name}"`).join(" UNION ALL ");
    for (const { name, n } of await db.query<{ name: string; n: number }>(sql)) tables.get(name)!.rows = n;
  }
  return [...tables.values()];
}

/** A name safe to use unquoted as a table: `投诉 2024.csv` → `upload_2024`. */
export function tableNameFor(fileName: string, taken: string[]): string {
  const stem = fileName.replace(/\.[^.]+$/, "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  const base = `upload_${stem || "file"}`;
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base}_${i}`;
  return name;
}
