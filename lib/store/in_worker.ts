/**
 * Runs one of the server's long DuckDB builds (lib/store/build_worker.ts) in a worker of
 * its own: the engine in Deno is the blocking build, and a scope of 300,000 tickets or
 * the wall's figures take a minute on a busy machine, during which the server must
 * still answer. A worker per build; builds happen once per store version, one at a time,
 * so the first requests of every role after an import cost the memory of one build, not
 * of all of them at once.
 */
import type { BuildTasks } from "./build_worker.ts";

let previous: Promise<unknown> = Promise.resolve();

export function inWorker<K extends keyof BuildTasks>(
  task: K,
  ...args: Parameters<BuildTasks[K]>
): Promise<Awaited<ReturnType<BuildTasks[K]>>> {
  const run = previous.then(() => runWorker(task, ...args));
  previous = run.catch(() => {});
  return run;
}

function runWorker<K extends keyof BuildTasks>(
  task: K,
  ...args: Parameters<BuildTasks[K]>
): Promise<Awaited<ReturnType<BuildTasks[K]>>> {
  const worker = new Worker(new URL("./build_worker.ts", import.meta.url), { type: "module" });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else reject(new Error(`${task}: ${e.data.error}`));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      worker.terminate();
      reject(new Error(`${task}: ${e.message}`));
    };
    worker.postMessage({ task, args });
  });
}
