/** The file's first rows under its headers, and per column a select of the field it is read as. */
import type { Preview } from "../../lib/import/column_choice.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import { table as schemaTable } from "../../lib/schema.ts";

function fieldLabel(lang: Lang, kind: string, field: string): string {
  const column = schemaTable(kind).columns.find((c) => c.name === field);
  if (!column) return t(lang, "import.field.updated_at");
  return `${lang === "en" ? column.en : column.zh.replace(/（.*$/, "")} · ${field}`;
}

export function MappingTable({ lang, kind, preview, chosen, onChoose }: {
  lang: Lang;
  kind: string;
  preview: Preview;
  chosen: (string | null)[];
  onChoose: (column: number, field: string | null) => void;
}) {
  return (
    <div class="import-preview">
      <table class="admin-table" data-table="preview">
        <thead>
          <tr>
            {preview.headers.map((h, i) => <th key={i} title={t(lang, "import.column")}>{h}</th>)}
          </tr>
          <tr class="import-fields">
            {preview.headers.map((h, i) => (
              <th key={i}>
                <select
                  data-column={h}
                  aria-label={`${t(lang, "import.field")}: ${h}`}
                  value={chosen[i] ?? ""}
                  onChange={(e) => onChoose(i, (e.target as HTMLSelectElement).value || null)}
                >
                  <option value="">{t(lang, "import.field.none")}</option>
                  {preview.fields.map((f) => <option key={f} value={f}>{fieldLabel(lang, kind, f)}</option>)}
                </select>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => <td key={i} data-unread={chosen[i] ? undefined : "true"}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
