/// <reference lib="deno.worker" />
/** The worker lib/store/in_worker.ts starts: runs one task, posts its progress, and answers its result or its error. */
import type { ImportKind, ImportOptions, ImportPhase } from "../import/pipeline.ts";
import { previewImport } from "../import/preview.ts";
import { maskedForArchive } from "../reviews/pack_store.ts";
import { computeWall } from "../wall/served.ts";
import { importIntoStore } from "./import_into_store.ts";
import { NOTES_SHOWN } from "./import_jobs.ts";
import { readUpload } from "./import_uploads.ts";
import { buildScopeDatabase, buildScorecards, buildTicketTables } from "./scope_build.ts";

const progress = (phase: ImportPhase) => self.postMessage({ progress: phase });

const TASKS = {
  ticketTables: buildTicketTables,
  scorecards: buildScorecards,
  database: buildScopeDatabase,
  wall: computeWall,
  archivedReview: maskedForArchive,
  previewUpload: async (
    kind: ImportKind,
    name: string,
    path: string,
    mapping: unknown,
    options: Pick<ImportOptions, "coords" | "xlsxLimit">,
  ) => previewImport(kind, name, await readUpload(path), mapping, options),
  importUpload: async (
    dir: string,
    kind: ImportKind,
    name: string,
    path: string,
    options: Omit<ImportOptions, "onPhase"> & { by: string },
  ) => {
    const run = await importIntoStore(dir, kind, name, await readUpload(path), { ...options, onPhase: progress });
    // What the page is shown, not the outcome whole: its lists could be a million rows to post back.
    return { history: run.history, notes: run.outcome.notes.slice(0, NOTES_SHOWN) };
  },
};
export type BuildTasks = typeof TASKS;

self.onmessage = async (e: MessageEvent<{ task: keyof BuildTasks; args: unknown[] }>) => {
  try {
    const run = TASKS[e.data.task] as (...args: unknown[]) => Promise<unknown>;
    self.postMessage({ ok: true, result: await run(...e.data.args) });
  } catch (error) {
    self.postMessage({
      ok: false,
      error: (error as Error).stack ?? String(error),
      message: (error as Error).message ?? String(error),
    });
  }
};
