/// <reference lib="deno.worker" />
/** The worker lib/store/in_worker.ts starts: runs one build and answers its result or its error. */
import { maskedForArchive } from "../reviews/pack_store.ts";
import { computeWall } from "../wall/served.ts";
import { buildScopeDatabase, buildScorecards, buildTicketTables } from "./scope_build.ts";

const TASKS = {
  ticketTables: buildTicketTables,
  scorecards: buildScorecards,
  database: buildScopeDatabase,
  wall: computeWall,
  archivedReview: maskedForArchive,
};
export type BuildTasks = typeof TASKS;

self.onmessage = async (e: MessageEvent<{ task: keyof BuildTasks; args: unknown[] }>) => {
  try {
    const run = TASKS[e.data.task] as (...args: unknown[]) => Promise<unknown>;
    self.postMessage({ ok: true, result: await run(...e.data.args) });
  } catch (error) {
    self.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  }
};
