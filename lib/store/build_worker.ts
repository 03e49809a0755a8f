/// <reference lib="deno.worker" />
/** The worker lib/store/in_worker.ts starts: runs one task, posts its progress, and answers its result or its error. */
import type { ImportKind, ImportOptions, ImportPhase } from "../import/pipeline.ts";
import { previewImport } from "../import/preview.ts";
import { maskedForArchive } from "../reviews/pack_store.ts";
import { computeWall } from "../wall/served.ts";
import { importIntoStore } from "./import_into_store.ts";
import { buildScopeDatabase, buildScorecards, buildTicketTables } from "./scope_build.ts";

const progress = (phase: ImportPhase) => self.postMessage({ progress: phase });

const TASKS = {
  ticketTables: buildTicketTables,
  scorecards: buildScorecards,
  database: buildScopeDatabase,
  wall: computeWall,
  archivedReview: maskedForArchive,
  previewImport,
  importFile: (
    dir: string,
    kind: ImportKind,
    name: string,
    bytes: Uint8Array,
    options: Omit<ImportOptions, "onPhase"> & { by: string },
  ) => importIntoStore(dir, kind, name, bytes, { ...options, onPhase: progress }),
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
