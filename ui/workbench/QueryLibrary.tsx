/** Example queries for this domain, the analyst's saved queries and the recent ones; a click opens one. */
import { useEffect, useState } from "preact/hooks";
import { type Lang, t } from "../../lib/i18n.ts";
import { EXAMPLES } from "../../lib/workbench/examples.ts";
import { deleteQuery, savedQueries, type SavedQuery, saveQuery } from "../../lib/workbench/saved_queries.ts";

export function QueryLibrary({ lang, recent, current, onOpen }: {
  lang: Lang;
  recent: string[];
  current(): string;
  onOpen(sql: string): void;
}) {
  const [saved, setSaved] = useState<SavedQuery[]>([]);
  const [name, setName] = useState("");
  useEffect(() => setSaved(savedQueries(localStorage)), []);
  const open = (sql: string) => () => onOpen(sql);
  return (
    <div class="library">
      <details open>
        <summary>{t(lang, "sql.examples")}</summary>
        <ul>
          {EXAMPLES.map((e) => (
            <li key={e.id}>
              <button type="button" class="link" data-example={e.id} onClick={open(e.sql)}>
                {lang === "en" ? e.en : e.zh}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t(lang, "sql.saved")}</summary>
        <form
          class="save-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) setSaved(saveQuery(localStorage, name.trim(), current()));
            setName("");
          }}
        >
          <input
            aria-label={t(lang, "sql.save_name")}
            placeholder={t(lang, "sql.save_name")}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit">{t(lang, "sql.save")}</button>
        </form>
        <ul>
          {saved.map((q) => (
            <li key={q.name}>
              <button type="button" class="link" onClick={open(q.sql)}>{q.name}</button>
              <button type="button" class="link danger" onClick={() => setSaved(deleteQuery(localStorage, q.name))}>
                {t(lang, "sql.delete")}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t(lang, "sql.history")}</summary>
        <ul>
          {recent.map((sql) => (
            <li key={sql}>
              <button type="button" class="link mono" title={sql} onClick={open(sql)}>
                {sql.replace(/\s+/g, " ").slice(0, 60)}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
