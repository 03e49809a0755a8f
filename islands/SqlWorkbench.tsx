/**
 * The analysts' workbench: SQL typed here runs in this browser's DuckDB over the
 * store the server sent; no server route ever executes it. The island wires the
 * workbench logic in lib/workbench to the editor, the schema, the grid, the chart,
 * the map, the library of queries and the exports.
 */
import type { Table as ArrowTable } from "apache-arrow";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { type Lang, t } from "../lib/i18n.ts";
import { type CatalogTable, readCatalog } from "../lib/workbench/catalog.ts";
import { lineAndColumn, parseQueryError } from "../lib/workbench/error_position.ts";
import { columnKind, defaultChart, defaultMap } from "../lib/workbench/result_kind.ts";
import { history as queryHistory, queryUrl, remember } from "../lib/workbench/saved_queries.ts";
import { type Span, statementSpans, statementToRun } from "../lib/workbench/statement.ts";
import { bringInFile } from "../lib/workbench/upload.ts";
import { type LoadedStore, markReady, openStore } from "../ui/common/store.ts";
import { download, EXPORT_FORMATS, exportBytes } from "../ui/common/exports.ts";
import { QueryLibrary } from "../ui/workbench/QueryLibrary.tsx";
import { ResultChart } from "../ui/workbench/ResultChart.tsx";
import { ResultGrid, type SortState } from "../ui/workbench/ResultGrid.tsx";
import { ResultMap } from "../ui/workbench/ResultMap.tsx";
import { SchemaPanel } from "../ui/workbench/SchemaPanel.tsx";
import { type EditorHandle, SqlEditor } from "../ui/workbench/SqlEditor.tsx";

export interface SqlWorkbenchProps {
  lang: Lang;
  engine: EngineUrls;
  mapWorker: string;
  parquetWasm: string;
  initialSql: string;
}

interface Result {
  table: ArrowTable;
  statement: string;
  ms: number;
}

type View = "table" | "chart" | "map";

export default function SqlWorkbench({ lang, engine, mapWorker, parquetWasm, initialSql }: SqlWorkbenchProps) {
  const [store, setStore] = useState<LoadedStore | null>(null);
  const [catalog, setCatalog] = useState<CatalogTable[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [view, setView] = useState<View>("table");
  const [sort, setSort] = useState<SortState | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const editor = useRef<EditorHandle>();
  const text = useRef(initialSql);

  const completion = useMemo(
    () => Object.fromEntries(catalog.map((table) => [table.name, table.columns.map((c) => c.name)])),
    [catalog],
  );

  const execute = async (statement: string, order: SortState | null, db = store?.db) => {
    if (!db || !statement) return;
    setRunning(true);
    setError(null);
    setNotice(null);
    const started = performance.now();
    try {
      const sql = order
        ? `SELECT * FROM (${statement}) ORDER BY "${order.column}" ${order.descending ? "DESC" : "ASC"} NULLS LAST`
        : statement;
      const table = await db.queryArrow(sql);
      setResult({ table, statement, ms: Math.round(performance.now() - started) });
      setSort(order);
    } catch (e) {
      const raw = (e as Error).message;
      if (/cancel|interrupt/i.test(raw)) return setError(t(lang, "sql.cancelled"));
      const { message, offset } = parseQueryError(raw, statement);
      const full = text.current;
      const start = statementSpans(full).find((s) => full.slice(s.from, s.to) === statement)?.from;
      if (offset === null || start === undefined) return setError(message);
      editor.current?.select(start + offset);
      setError(`${t(lang, "sql.error_at", lineAndColumn(full, start + offset))}\n${message}`);
    } finally {
      setRunning(false);
    }
  };

  const run = (full: string, selection: Span) => {
    const statement = statementToRun(full, selection);
    if (!statement) return;
    setRecent(remember(localStorage, statement));
    globalThis.history.replaceState(null, "", queryUrl(location.href, full));
    return execute(statement, null);
  };

  useEffect(() => {
    setRecent(queryHistory(localStorage));
    openStore(engine).then(async (loaded) => {
      setStore(loaded);
      setCatalog(await readCatalog(loaded.db, lang));
      const statement = statementToRun(initialSql, { from: 0, to: 0 });
      await execute(statement, null, loaded.db);
      markReady();
    }, (e: Error) => setError(e.message));
  }, []);

  const bringIn = async (file: File) => {
    if (!store) return;
    try {
      const taken = catalog.map((c) => c.name);
      const { table, rows } = await bringInFile(store.db, {
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      }, taken);
      setCatalog(await readCatalog(store.db, lang));
      setNotice(t(lang, "sql.brought_in", { table, n: rows }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const fields = result?.table.schema.fields ?? [];
  const columns = fields.map((f) => ({ name: f.name, kind: columnKind(String(f.type)) }));

  return (
    <div class="sql">
      <aside class="sql-side">
        <SchemaPanel tables={catalog} lang={lang} onInsert={(name) => editor.current?.insert(name)} />
        <QueryLibrary
          lang={lang}
          recent={recent}
          current={() => text.current}
          onOpen={(sql) => {
            editor.current?.setText(sql);
            text.current = sql;
          }}
        />
      </aside>
      <section class="sql-main">
        <SqlEditor
          initial={initialSql}
          label={t(lang, "sql.title")}
          schema={completion}
          onRun={run}
          onChange={(value) => text.current = value}
          onReady={(handle) => editor.current = handle}
        />
        <div class="sql-actions">
          <button
            type="button"
            class="primary"
            disabled={!store || running}
            onClick={() => run(text.current, { from: 0, to: text.current.length })}
            title="Ctrl+Enter"
          >
            {t(lang, "sql.run")}
          </button>
          <button type="button" disabled={!running} onClick={() => store?.db.cancel()}>{t(lang, "sql.cancel")}</button>
          <button
            type="button"
            onClick={() =>
              navigator.clipboard?.writeText(queryUrl(location.href, text.current)).then(() =>
                setNotice(t(lang, "sql.link_copied"))
              )}
          >
            {t(lang, "sql.copy_link")}
          </button>
          <label class="file-button" hidden={store?.db.readOnly}>
            {t(lang, "sql.bring_in")}
            <input
              type="file"
              accept=".csv,.tsv,.txt,.xlsx"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) bringIn(file);
                e.currentTarget.value = "";
              }}
            />
          </label>
          <span class="sql-meta" aria-live="polite">
            {running ? t(lang, "sql.running") : result
              ? (
                <span data-rows={result.table.numRows}>
                  {t(lang, "sql.rows", { n: result.table.numRows, ms: result.ms })}
                </span>
              )
              : !store && t(lang, "state.loading_engine")}
          </span>
          <span class="sql-local">{t(lang, store?.db.readOnly ? "sql.on_server" : "sql.local_only")}</span>
        </div>
        {error && <pre class="status status-error" role="alert">{error}</pre>}
        {notice && <p class="status status-notice" role="status">{notice}</p>}
        {result && (
          <div class="sql-result">
            <div class="tabs" role="tablist">
              {(["table", "chart", "map"] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  onClick={() => setView(v)}
                >
                  {t(lang, `sql.tab_${v}`)}
                </button>
              ))}
              <span class="tabs-spacer" />
              {EXPORT_FORMATS.map((format) => (
                <button
                  key={format}
                  type="button"
                  data-export={format}
                  onClick={async () => download(await exportBytes(result.table, format, parquetWasm), format)}
                >
                  {format.toUpperCase()}
                </button>
              ))}
            </div>
            {result.table.numRows === 0 && <p class="status">{t(lang, "sql.empty_result")}</p>}
            {view === "table" && result.table.numRows > 0 && (
              <ResultGrid
                table={result.table}
                sort={sort}
                onSort={(column) =>
                  execute(result.statement, { column, descending: sort?.column === column && !sort.descending })}
              />
            )}
            {view === "chart" && <ResultChart table={result.table} spec={defaultChart(columns)} lang={lang} />}
            {view === "map" && store && (
              <ResultMap
                db={store.db}
                table={result.table}
                spec={defaultMap(columns)}
                lang={lang}
                mapWorker={mapWorker}
              />
            )}
          </div>
        )}
      </section>
    </div>
  );
}
