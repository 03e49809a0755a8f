/** How an import ended: the command's summary line, the words not recognised, the lists to download, the first notes. */
import { type Lang, t } from "../../lib/i18n.ts";
import type { ImportJob } from "../../lib/store/import_jobs.ts";

const LISTS = ["rejects", "notes", "unassigned", "overlaps"] as const;

export function ImportResult({ lang, job }: { lang: Lang; job: ImportJob }) {
  const h = job.history!;
  const files = h.files ?? {};
  const notes = job.notes ?? [];
  return (
    <section class="panel import-result" data-state="done">
      <h2>{t(lang, "import.done")}</h2>
      <p class="import-line" data-summary>{h.line}</p>
      {(h.unrecognised ?? []).map((line) => <p key={line} class="import-line" data-unrecognised>{line}</p>)}
      <p>
        {h.before === h.after
          ? t(lang, "import.unchanged", { version: h.after ?? "—" })
          : t(lang, "import.version", { before: h.before ?? "—", after: h.after ?? "—" })}
      </p>
      {LISTS.some((l) => files[l]) && (
        <p class="import-files">
          {t(lang, "import.files")}
          {LISTS.filter((l) => files[l]).map((l) => (
            <a key={l} data-list={l} href={`/api/admin/import/files/${encodeURIComponent(files[l]!)}`} download>
              {t(lang, `import.list.${l}`)}
            </a>
          ))}
        </p>
      )}
      {notes.length > 0 && (
        <>
          <h3>{t(lang, "import.notes", { shown: notes.length, total: h.summary?.notes ?? notes.length })}</h3>
          <table class="admin-table" data-table="notes">
            <thead>
              <tr>
                {(["row", "record", "field", "problem", "action"] as const).map((c) => (
                  <th key={c}>{t(lang, `import.note.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {notes.map((n, i) => (
                <tr key={i}>
                  <td>{n.row}</td>
                  <td>{n.record_id ?? ""}</td>
                  <td>{n.field}</td>
                  <td>{n.problem}</td>
                  <td>{n.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
