/**
 * Runs one of the server's long tasks (lib/store/build_worker.ts) in a worker of its own:
 * the DuckDB engine in Deno is the blocking build, and a scope of 300,000 tickets, the
 * wall's figures or an import take a minute on a busy machine, during which the server
 * must still answer. A worker per task; builds happen once per store version.
 */
import type { BuildTasks } from "./build_worker.ts";

/** A task's failure: `message` names the task and carries the worker's stack; `reason` is the error's own message. */
export class WorkerError extends Error {
  constructor(task: string, stack: string, readonly reason: string) {
    super(`${task}: ${stack}`);
  }
}

export function inWorker<K extends keyof BuildTasks>(
  task: K,
  ...args: Parameters<BuildTasks[K]>
): Promise<Awaited<ReturnType<BuildTasks[K]>>> {
  return inWorkerWithProgress(task, () => {}, ...args);
}

/** The same, told each progress value the task posts (an import's phases). */
export function inWorkerWithProgress<K extends keyof BuildTasks>(
  task: K,
  onProgress: (progress: unknown) => void,
  ...args: Parameters<BuildTasks[K]>
): Promise<Awaited<ReturnType<BuildTasks[K]>>> {
  const worker = new Worker(new URL("./build_worker.ts", import.meta.url), { type: "module" });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent) => {
      if ("progress" in e.data) return onProgress(e.data.progress);
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else reject(new WorkerError(task, e.data.error, e.data.message));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      worker.terminate();
      reject(new WorkerError(task, e.message, e.message));
    };
    worker.postMessage({ task, args });
  });
}

let lastBuild: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` after the builds asked for before it have ended. Each build is bounded in
 * memory (lib/store/scope_build.ts), and taking turns keeps the server's peak at one
 * build's, whoever asks at once. Removing a superseded version's folder takes its turn
 * too, so it never pulls the files from under a build still reading or writing them.
 */
export function inBuildTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = lastBuild.then(work);
  lastBuild = run.catch(() => {});
  return run;
}

/** A build of the server's (a scope's data, the wall's figures) in a worker, in its turn. */
export function inBuildWorker<K extends keyof BuildTasks>(
  task: K,
  ...args: Parameters<BuildTasks[K]>
): Promise<Awaited<ReturnType<BuildTasks[K]>>> {
  return inBuildTurn(() => inWorker(task, ...args));
}
