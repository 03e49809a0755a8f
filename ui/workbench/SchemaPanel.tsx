/** Tables and views with their columns, types, row counts and descriptions; a click inserts a name. */
import { formatCount } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { CatalogTable } from "../../lib/workbench/catalog.ts";

export function SchemaPanel(
  { tables, lang, onInsert }: { tables: CatalogTable[]; lang: Lang; onInsert(name: string): void },
) {
  return (
    <nav class="schema" aria-label={t(lang, "sql.schema")}>
      <h2>{t(lang, "sql.schema")}</h2>
      {tables.map((table) => (
        <details key={table.name} data-table={table.name}>
          <summary>
            <button type="button" class="link" title={t(lang, "sql.insert_hint")} onClick={() => onInsert(table.name)}>
              {table.name}
            </button>
            <span class="schema-count">
              {table.rows == null
                ? t(lang, "sql.view")
                : t(lang, "sql.rows_count", { n: formatCount(table.rows, lang) })}
            </span>
            <div class="schema-description">{table.description}</div>
          </summary>
          <ul>
            {table.columns.map((c) => (
              <li key={c.name} title={c.description}>
                <button type="button" class="link" onClick={() => onInsert(c.name)}>{c.name}</button>
                <span class="schema-type">{c.type}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </nav>
  );
}
