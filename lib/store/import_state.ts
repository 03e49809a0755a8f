/** What the data page shows of a store's imports: the history, the version a restore brings back, the running job. */
import { type HistoryEntry, readHistory } from "./import_history.ts";
import { type ImportJob, runningJob } from "./import_jobs.ts";
import { readPrevious } from "./previous_version.ts";
import { readManifest } from "./store.ts";

/** Entries shown; the file keeps them all. */
const SHOWN = 50;

export interface ImportState {
  history: HistoryEntry[];
  /** The store's version now. */
  version: string | null;
  /** The version set aside, which a restore brings back. */
  previous: { version: string; created_at: string } | null;
  running: ImportJob | null;
}

export async function importState(dir: string): Promise<ImportState> {
  const [history, current, previous] = await Promise.all([
    readHistory(dir, SHOWN),
    readManifest(dir),
    readPrevious(dir),
  ]);
  return {
    history,
    version: current?.version ?? null,
    previous: previous && { version: previous.version, created_at: previous.created_at },
    running: runningJob(),
  };
}

/** Which list (`rejects`, `notes`…) the file `name` is in the history, or null: only those are served. */
export async function historyFileList(dir: string, name: string): Promise<string | null> {
  for (const entry of await readHistory(dir, Infinity)) {
    const found = Object.entries(entry.files ?? {}).find(([, file]) => file === name);
    if (found) return found[0];
  }
  return null;
}
