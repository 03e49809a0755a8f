/**
 * One DuckDB connection runs one statement at a time, so a page's work waits its turn
 * here, in three lanes: what follows a moving control (interactive), the slow figures
 * that wait for the control to rest (background), and loading the store (load).
 * A background query still running when an interactive one arrives is stopped and run
 * again once the interactive lane is empty: a brush never waits seconds behind the
 * place panel. Work whose signal aborts leaves the queue, or is stopped if running.
 */

export type Priority = "interactive" | "background" | "load";

export interface QueueOptions {
  /** Default: interactive. */
  priority?: Priority;
  /** Aborting drops the work if it is waiting and stops it if it is running. */
  signal?: AbortSignal;
}

interface Job {
  run: () => Promise<unknown>;
  priority: Priority;
  signal?: AbortSignal;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The order lanes are served in. */
const LANES: Priority[] = ["interactive", "background", "load"];

export function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException("The query was superseded", "AbortError");
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export class QueryQueue {
  #lanes = new Map<Priority, Job[]>(LANES.map((lane) => [lane, []]));
  #running: { job: Job; stopped: boolean } | null = null;

  /** `stop` asks the engine to stop the running statement (whatever it returns is then discarded). */
  constructor(private stop: () => Promise<unknown>) {}

  add<T>(run: () => Promise<T>, options: QueueOptions = {}): Promise<T> {
    const { priority = "interactive", signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { run, priority, signal, resolve: resolve as (value: unknown) => void, reject };
      this.#lanes.get(priority)!.push(job);
      signal?.addEventListener("abort", () => this.#abort(job), { once: true });
      if (priority === "interactive" && this.#running?.job.priority === "background") this.#stopRunning();
      this.#next();
    });
  }

  /** How many jobs wait, per lane (for tests and diagnostics). */
  get waiting(): Record<Priority, number> {
    return Object.fromEntries(LANES.map((lane) => [lane, this.#lanes.get(lane)!.length])) as Record<Priority, number>;
  }

  #abort(job: Job) {
    const lane = this.#lanes.get(job.priority)!;
    const at = lane.indexOf(job);
    if (at >= 0) {
      lane.splice(at, 1);
      job.reject(abortError(job.signal));
    } else if (this.#running?.job === job) {
      this.#stopRunning();
    }
  }

  #stopRunning() {
    const running = this.#running!;
    if (running.stopped) return;
    running.stopped = true;
    this.stop().catch(() => {});
  }

  async #next() {
    if (this.#running) return;
    const job = LANES.map((lane) => this.#lanes.get(lane)!).find((lane) => lane.length)?.shift();
    if (!job) return;
    const current = this.#running = { job, stopped: false };
    let settle: () => void;
    try {
      const value = await job.run();
      settle = () => job.resolve(value);
    } catch (error) {
      settle = () => job.reject(error);
    }
    this.#running = null;
    if (!current.stopped) settle();
    else if (job.signal?.aborted) job.reject(abortError(job.signal));
    // Stopped to let interactive work through: first in line when its lane's turn comes.
    else this.#lanes.get(job.priority)!.unshift(job);
    this.#next();
  }
}
