/**
 * The office's daily digest of alerts (预警日报), computed in this page's DuckDB from the
 * store the server sent this role (a street official's holds their streets only), with
 * print and CSV/XLSX of each table. What the tables hold is built in lib/alerts/digest.ts.
 */
import { useEffect } from "preact/hooks";
import { DEFAULT_ALERTS } from "../lib/alerts/config.ts";
import { type DigestTable, digestTables } from "../lib/alerts/digest.ts";
import { ALERTS_LIST_SQL } from "../lib/alerts/present.ts";
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { type Lang, t } from "../lib/i18n.ts";
import { localDateOf } from "../lib/time.ts";
import { saveRows } from "../ui/common/exports.ts";
import { StatusMessage } from "../ui/common/StatusMessage.tsx";
import { markReady } from "../ui/common/store.ts";
import { useStoreQuery } from "../ui/common/use_store_query.ts";

export interface AlertDigestProps {
  lang: Lang;
  engine: EngineUrls;
}

export default function AlertDigest({ lang, engine }: AlertDigestProps) {
  const state = useStoreQuery(engine, async ({ db }) => {
    const rows = await db.query(ALERTS_LIST_SQL);
    const [{ as_of }] = await db.query<{ as_of: number | null }>("SELECT max(created_at) AS as_of FROM tickets");
    return { rows, asOf: as_of };
  });
  // After the render that puts the tables on screen.
  useEffect(() => void (state.status === "ready" && markReady()), [state.status]);
  if (state.status !== "ready") return <StatusMessage state={state} lang={lang} loading="alerts.computing" />;
  const { rows, asOf } = state.data;
  const date = asOf === null ? "—" : localDateOf(asOf);
  const basis: Record<DigestTable["kind"], string> = {
    surge: t(lang, "alerts.basis", { days: DEFAULT_ALERTS.judgedDays, q: DEFAULT_ALERTS.q }),
    recurrence: t(lang, "alerts.recurrence_basis", { days: DEFAULT_ALERTS.recurrenceDays }),
    deadline_risk: t(lang, "alerts.risk_basis", { threshold: DEFAULT_ALERTS.riskThreshold }),
  };
  return (
    <div class="digest" data-as-of={date}>
      <header class="digest-head">
        <h1>{t(lang, "alerts.digest_title")}</h1>
        <p>{t(lang, "alerts.digest_as_of", { date, days: DEFAULT_ALERTS.judgedDays })}</p>
        <button type="button" class="no-print" onClick={() => globalThis.print()}>{t(lang, "alerts.print")}</button>
      </header>
      {digestTables(rows, lang).map((table) => (
        <section class="panel digest-section" data-kind={table.kind} key={table.kind}>
          <h2>
            {t(lang, `alerts.kind.${table.kind}`)} <span class="digest-count">{table.rows.length}</span>
          </h2>
          <p class="digest-basis">{basis[table.kind]}</p>
          <div class="digest-actions no-print">
            <button
              type="button"
              onClick={() =>
                save(table, "csv", date)}
            >
              CSV
            </button>
            <button
              type="button"
              onClick={() =>
                save(table, "xlsx", date)}
            >
              XLSX
            </button>
          </div>
          {table.rows.length === 0 ? <p class="status">{t(lang, "alerts.none")}</p> : table.shown
            ? (
              <>
                <p class="digest-basis">{t(lang, "alerts.grouped", { groups: table.shown.groups })}</p>
                <DigestRows columns={table.shown.columns} rows={table.shown.rows} />
                {table.shown.more > 0 && (
                  <p class="digest-more">{t(lang, "alerts.more_in_export", { n: table.shown.more })}</p>
                )}
              </>
            )
            : <DigestRows columns={table.columns} rows={table.rows} />}
        </section>
      ))}
    </div>
  );
}

function DigestRows({ columns, rows }: Pick<DigestTable, "columns" | "rows">) {
  return (
    <table class="digest-table">
      <thead>
        <tr>{columns.map((c) => <th key={c.key}>{c.label}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => <tr key={i}>{columns.map((c) => <td key={c.key}>{r[c.key]}</td>)}</tr>)}
      </tbody>
    </table>
  );
}

/** A table under its column labels; formulas are neutralised by lib/export. */
function save(table: DigestTable, format: "csv" | "xlsx", date: string) {
  const columns = table.columns.map((c) => c.label);
  const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c.label, r[c.key]])));
  return saveRows(rows, columns, format, `linli-alerts-${table.kind}-${date}`, table.kind);
}
