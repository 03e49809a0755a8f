/**
 * The server's web imports: the one import or restore running at a time, in a worker
 * (lib/store/in_worker.ts) so the server keeps answering every other page. A second import
 * while one runs, from the page or the command line (lib/store/import_lock.ts), is refused;
 * its page polls the running one's job. The files waiting for
 * their import are on disk (lib/store/import_uploads.ts).
 */
import type { Note } from "../import/notes.ts";
import type { ImportKind, ImportOptions, ImportPhase } from "../import/pipeline.ts";
import type { HistoryEntry } from "./import_history.ts";
import { restoreIntoStore } from "./import_into_store.ts";
import { type HeldLock, type LockHolder, takeImportLock, takeoverText } from "./import_lock.ts";
import { removeUpload, type Upload } from "./import_uploads.ts";
import { inWorkerWithProgress, WorkerError } from "./in_worker.ts";

/** Finished jobs whose outcome a page may still ask for. */
const JOBS_KEPT = 20;
/** Notes sent to the page; all of them are in the notes file. */
export const NOTES_SHOWN = 200;

export interface ImportJob {
  id: string;
  by: string;
  kind?: ImportKind;
  file?: string;
  /** The upload imported (its id): no sweep removes it meanwhile. */
  upload?: string;
  action: "import" | "restore";
  phase: ImportPhase;
  started_at: string;
  state: "running" | "done" | "failed";
  error?: string;
  history?: HistoryEntry;
  notes?: Note[];
}

const jobs = new Map<string, ImportJob>();
let running: ImportJob | null = null;

export const runningJob = () => running;
export const jobOf = (id: string) => jobs.get(id);

/**
 * What the page is told of a failure: the error's own message (a file-level fault), not a
 * stack, and no server path: the store's folder, which a failed write names, reads "the store".
 */
export function failureText(e: unknown, dir: string): string {
  const reason = e instanceof WorkerError ? e.reason : String((e as Error)?.message ?? e);
  return reason.replaceAll(dir, "the store");
}

/**
 * Takes the store's lock (lib/store/import_lock.ts, shared with `deno task import`) and
 * makes the job, or answers who runs an import now, here or from the command line.
 */
async function begin(
  dir: string,
  job: Omit<ImportJob, "id" | "started_at" | "state">,
): Promise<{ job: ImportJob; lock: HeldLock } | { busy: LockHolder }> {
  const lock = await takeImportLock(dir, {
    by: job.by,
    action: job.action,
    kind: job.kind,
    file: job.file,
    via: "page",
  });
  if ("busy" in lock) return lock;
  if (lock.tookOver) console.warn(`import: ${takeoverText(lock.tookOver)}`);
  running = {
    ...job,
    id: crypto.randomUUID(),
    started_at: lock.holder.started,
    state: "running",
  };
  jobs.set(running.id, running);
  while (jobs.size > JOBS_KEPT) jobs.delete(jobs.keys().next().value!);
  return { job: running, lock };
}

/** Audits the job's end (`onDone`), then shows it ended: a page that sees it ended finds it in the audit trail. */
async function finish(
  dir: string,
  { job, lock }: { job: ImportJob; lock: HeldLock },
  outcome: Promise<Partial<ImportJob>>,
  onDone: (job: ImportJob) => Promise<void>,
): Promise<void> {
  const ended: Partial<ImportJob> = await outcome.then(
    (done) => ({ ...done, state: "done" as const }),
    (e) => ({ state: "failed" as const, error: failureText(e, dir) }),
  );
  // Nobody awaits a job: a failure to audit it is logged, never an unhandled rejection that stops the server.
  await onDone({ ...job, ...ended }).catch((e) => console.error(`import job ${job.id}: ${(e as Error).stack ?? e}`));
  // Released before the job shows it ended, so a page that then starts the next import finds the store free.
  await lock.release();
  Object.assign(job, ended);
  running = null;
}

export type Started = { job: ImportJob; settled: Promise<void> } | { busy: LockHolder };

/**
 * Starts the import of an upload and answers its job at once, or who runs another import or
 * a restore now. `onDone` is called once it has finished (to audit it); `settled` resolves then.
 */
export async function startImport(
  dir: string,
  upload: Upload,
  kind: ImportKind,
  options: Omit<ImportOptions, "onPhase">,
  onDone: (job: ImportJob) => Promise<void>,
): Promise<Started> {
  const begun = await begin(dir, {
    by: upload.by,
    kind,
    file: upload.name,
    upload: upload.id,
    action: "import",
    phase: "read",
  });
  if ("busy" in begun) return begun;
  const { job } = begun;
  const outcome = inWorkerWithProgress(
    "importUpload",
    (phase) => job.phase = phase as ImportPhase,
    dir,
    kind,
    upload.name,
    upload.path,
    { ...options, by: upload.by },
  ).then(async (run) => {
    // Imported, the file has no more use; a failed import keeps it for another try (another mapping) within its hour.
    await removeUpload(dir, upload.id);
    return run;
  });
  return { job, settled: finish(dir, begun, outcome, onDone) };
}

/**
 * Starts a restore of the previous version, as a job (one at a time with the imports), or
 * answers who runs an import. It only links files and renames, so it runs here, not in a worker.
 */
export async function startRestore(
  dir: string,
  by: string,
  onDone: (job: ImportJob) => Promise<void>,
): Promise<Started> {
  const begun = await begin(dir, { by, action: "restore", phase: "write" });
  if ("busy" in begun) return begun;
  const outcome = restoreIntoStore(dir, by).then((history) => {
    if (!history) throw new Error("no earlier version has been kept");
    return { history };
  });
  return { job: begun.job, settled: finish(dir, begun, outcome, onDone) };
}
