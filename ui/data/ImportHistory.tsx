/** The import history, newest first, and the restore of the version before the latest change. */
import { useState } from "preact/hooks";
import { type Lang, t } from "../../lib/i18n.ts";
import type { ImportState } from "../../lib/store/import_state.ts";
import { formatLocalTime as localTime } from "../../lib/format.ts";

export function ImportHistory({ lang, state, busy, onRestore }: {
  lang: Lang;
  state: ImportState;
  busy: boolean;
  onRestore: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const { previous } = state;
  return (
    <section class="panel import-history">
      <h2>{t(lang, "import.history")}</h2>
      {previous
        ? (
          <p class="import-restore">
            {confirming
              ? (
                <>
                  {t(lang, "import.restore.confirm")}{" "}
                  <button
                    type="button"
                    data-action="restore-confirm"
                    disabled={busy}
                    onClick={() => {
                      setConfirming(false);
                      onRestore();
                    }}
                  >
                    {t(lang, "import.restore.yes")}
                  </button>{" "}
                  <button type="button" class="link" onClick={() => setConfirming(false)}>
                    {t(lang, "import.restore.no")}
                  </button>
                </>
              )
              : (
                <button type="button" data-action="restore" disabled={busy} onClick={() => setConfirming(true)}>
                  {t(lang, "import.restore", { version: previous.version, time: localTime(previous.created_at) })}
                </button>
              )}
          </p>
        )
        : <p>{t(lang, "import.restore.none")}</p>}
      {state.history.length === 0
        ? <p>{t(lang, "import.history.none")}</p>
        : (
          <table class="admin-table" data-table="history">
            <thead>
              <tr>
                {(["time", "by", "what", "summary", "version"] as const).map((c) => (
                  <th key={c}>{t(lang, `import.history.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.history.map((h, i) => (
                <tr key={i} data-action={h.action}>
                  <td>{localTime(h.time)}</td>
                  <td>{h.by}</td>
                  <td>
                    {h.action === "restore"
                      ? t(lang, "import.history.restore", { version: h.restored ?? "" })
                      : `${t(lang, `import.kind.${h.kind!}`)} · ${h.file}`}
                  </td>
                  <td class="import-line">{h.line ?? ""}</td>
                  <td>{h.before === h.after ? h.after : `${h.before ?? "—"} → ${h.after}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  );
}
