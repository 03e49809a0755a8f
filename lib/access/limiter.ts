/**
 * Failed sign-ins per username: after `limit` failures within `windowMs`, that name is
 * refused (429) until the oldest of them leaves the window, whatever password comes.
 * Kept in memory: a restart forgives, which costs an attacker a restart they cannot cause.
 */
export class FailureLimiter {
  #failures = new Map<string, number[]>();

  constructor(readonly limit = 5, readonly windowMs = 15 * 60_000) {}

  #recent(name: string, now: number): number[] {
    const kept = (this.#failures.get(name) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.#failures.set(name, kept);
    else this.#failures.delete(name);
    return kept;
  }

  /** Milliseconds until `name` may try again; 0 when it may now. */
  blockedFor(name: string, now = Date.now()): number {
    const recent = this.#recent(name, now);
    return recent.length >= this.limit ? recent[recent.length - this.limit] + this.windowMs - now : 0;
  }

  fail(name: string, now = Date.now()): void {
    this.#failures.set(name, [...this.#recent(name, now), now]);
  }

  succeed(name: string): void {
    this.#failures.delete(name);
  }
}
