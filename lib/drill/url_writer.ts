/**
 * Writes the map page's state to the address bar off the path of a filter change. A move of
 * a control replaces the current entry, and Chromium's `history.replaceState` took 25–140 ms
 * of the page's main thread per call in the map bench: the replacements wait until the page
 * is idle and only the last is written. A push (a change of place) is a step the back button
 * must find, so it is written at once, after any replacement still waiting.
 */

export interface HistoryWrites {
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
}

export class UrlWriter {
  #waiting: string | null = null;
  #scheduled = false;

  /** `later` runs its callback once the page has time (requestIdleCallback in the browser). */
  constructor(private history: HistoryWrites, private later: (run: () => void) => void) {}

  replace(url: string): void {
    this.#waiting = url;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.later(() => {
      this.#scheduled = false;
      this.flush();
    });
  }

  push(url: string): void {
    this.flush();
    this.history.pushState(null, "", url);
  }

  /** Writes the replacement still waiting, if any (before the page is left). */
  flush(): void {
    if (this.#waiting === null) return;
    const url = this.#waiting;
    this.#waiting = null;
    this.history.replaceState(null, "", url);
  }

  /** The browser moved to another entry (back, forward): a replacement still waiting was for the one left. */
  drop(): void {
    this.#waiting = null;
  }
}
