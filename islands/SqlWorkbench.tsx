/**
 * The analysts' workbench: SQL typed here runs in this browser's DuckDB over the
 * store the server sent; no server route ever executes it.
 */
import { useEffect, useState } from "preact/hooks";
import { arrowToRows, type Row } from "../lib/db/connector.ts";
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { type Lang, t } from "../lib/i18n.ts";
import { markError, markReady, openStore } from "./_shared/store.ts";

export interface SqlWorkbenchProps {
  lang: Lang;
  engine: EngineUrls;
  initialSql: string;
}

type Result = { rows: Row[]; columns: string[]; ms: number } | { error: string } | null;

export default function SqlWorkbench({ lang, engine, initialSql }: SqlWorkbenchProps) {
  const [sql, setSql] = useState(initialSql);
  const [result, setResult] = useState<Result>(null);
  const [running, setRunning] = useState(true);

  const run = async (text: string) => {
    setRunning(true);
    try {
      const { db } = await openStore(engine);
      const started = performance.now();
      const table = await db.queryArrow(text);
      setResult({
        rows: arrowToRows(table),
        columns: table.schema.fields.map((f) => f.name),
        ms: Math.round(performance.now() - started),
      });
    } catch (e) {
      setResult({ error: (e as Error).message });
    } finally {
      setRunning(false);
    }
  };

  useEffect(() => {
    run(initialSql).then(markReady, (e) => markError(String(e)));
  }, []);

  return (
    <div class="sql">
      <textarea
        class="sql-editor"
        aria-label={t(lang, "sql.title")}
        placeholder={t(lang, "sql.placeholder")}
        value={sql}
        spellcheck={false}
        onInput={(e) => setSql(e.currentTarget.value)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === "Enter") run(sql);
        }}
      />
      <div class="sql-actions">
        <button type="button" onClick={() => run(sql)} disabled={running}>{t(lang, "sql.run")}</button>
        {result && "rows" in result && (
          <span class="sql-meta" data-rows={result.rows.length}>
            {t(lang, "sql.rows", { n: result.rows.length, ms: result.ms })}
          </span>
        )}
      </div>
      {running && !result && <p class="status" role="status">{t(lang, "state.loading_engine")}</p>}
      {result && "error" in result && <pre class="status status-error" role="alert">{result.error}</pre>}
      {result && "rows" in result && <ResultTable rows={result.rows} columns={result.columns} />}
    </div>
  );
}

function ResultTable({ rows, columns }: { rows: Row[]; columns: string[] }) {
  return (
    <div class="sql-result">
      <table class="table">
        <thead>
          <tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.slice(0, 1000).map((r, i) => (
            <tr key={i}>{columns.map((c) => <td key={c}>{r[c] == null ? "" : String(r[c])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
