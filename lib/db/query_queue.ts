/**
 * One DuckDB connection runs one statement at a time, so a page's work waits its turn
 * here, in three lanes: what follows a moving control (interactive), the slow figures
 * that wait for the control to rest (background), and loading the store (load).
 * A background query still running when an interactive one arrives is stopped and run
 * again once the interactive lane is empty: a brush never waits seconds behind the
 * place panel. Work whose signal aborts leaves the queue, or is stopped if running. A
 * queue of more than one slot (the server's answers, whose requests each have a
 * connection) runs that many at once, and stops background work only when none is free.
 */

export type Priority = "interactive" | "background" | "load";

export interface QueueOptions {
  /** Default: interactive. */
  priority?: Priority;
  /** Aborting drops the work if it is waiting and stops it if it is running. */
  signal?: AbortSignal;
}

interface Job {
  run: (stopped: AbortSignal) => Promise<unknown>;
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

interface Running {
  job: Job;
  stopped: AbortController;
}

export class QueryQueue {
  #lanes = new Map<Priority, Job[]>(LANES.map((lane) => [lane, []]));
  #running = new Set<Running>();

  /**
   * `stop` asks the engine to stop the running statement (whatever it returns is then
   * discarded); a job is also given a signal that aborts when it is stopped.
   */
  constructor(private stop: () => Promise<unknown> = () => Promise.resolve(), private slots = 1) {}

  add<T>(run: (stopped: AbortSignal) => Promise<T>, options: QueueOptions = {}): Promise<T> {
    const { priority = "interactive", signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { run, priority, signal, resolve: resolve as (value: unknown) => void, reject };
      this.#lanes.get(priority)!.push(job);
      signal?.addEventListener("abort", () => this.#abort(job), { once: true });
      const background = [...this.#running].find((r) => r.job.priority === "background");
      if (priority === "interactive" && background && this.#running.size >= this.slots) this.#stopRunning(background);
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
    } else {
      const running = [...this.#running].find((r) => r.job === job);
      if (running) this.#stopRunning(running);
    }
  }

  #stopRunning(running: Running) {
    if (running.stopped.signal.aborted) return;
    running.stopped.abort();
    this.stop().catch(() => {});
  }

  #next() {
    while (this.#running.size < this.slots) {
      const job = LANES.map((lane) => this.#lanes.get(lane)!).find((lane) => lane.length)?.shift();
      if (!job) return;
      this.#start(job);
    }
  }

  async #start(job: Job) {
    const current: Running = { job, stopped: new AbortController() };
    this.#running.add(current);
    let settle: () => void;
    try {
      const value = await job.run(current.stopped.signal);
      settle = () => job.resolve(value);
    } catch (error) {
      settle = () => job.reject(error);
    }
    this.#running.delete(current);
    if (!current.stopped.signal.aborted) settle();
    else if (job.signal?.aborted) job.reject(abortError(job.signal));
    // Stopped to let interactive work through: first in line when its lane's turn comes.
    else this.#lanes.get(job.priority)!.unshift(job);
    this.#next();
  }
}
