/** The import's progress: its four phases in a bar, the upload's share of bytes sent within the first. */
import { IMPORT_PHASES, type ImportPhase } from "../../lib/import/kinds.ts";
import { type Lang, t } from "../../lib/i18n.ts";

export interface Progress {
  phase: ImportPhase;
  /** The share of the current phase done, when it is known (the upload's bytes); else the phase is under way. */
  within: number | null;
  done: boolean;
}

export function ImportProgress({ lang, progress }: { lang: Lang; progress: Progress }) {
  const at = IMPORT_PHASES.indexOf(progress.phase);
  const share = progress.done ? 1 : (at + (progress.within ?? 0.5)) / IMPORT_PHASES.length;
  const percent = Math.round(share * 100);
  return (
    <div class="import-progress" data-phase={progress.phase} data-done={String(progress.done)}>
      <div
        class="import-progress-bar"
        role="progressbar"
        aria-label={t(lang, "import.progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <ol class="import-phases">
        {IMPORT_PHASES.map((p, i) => (
          <li
            key={p}
            data-state={progress.done || i < at ? "done" : i === at ? "current" : "waiting"}
          >
            {t(lang, `import.phase.${p}`)}
            {i === at && !progress.done && progress.within !== null && ` ${Math.round(progress.within * 100)}%`}
          </li>
        ))}
      </ol>
    </div>
  );
}
