/**
 * What a refresh does, decided from the server's health: a new store version is
 * downloaded again (a re-import), the same version is only re-queried. A failed refresh
 * is retried sooner than the refresh interval, backing off, so the wall is back within
 * seconds of a server restart without hammering a server that stays down.
 */

export interface Health {
  ok: boolean;
  version: string | null;
}

/** The body of GET /api/health, checked: anything else counts as the server being unwell. */
export function parseHealth(body: unknown): Health {
  const { ok, version } = (body ?? {}) as Record<string, unknown>;
  if (typeof ok !== "boolean" || (version !== null && typeof version !== "string")) {
    throw new Error("health: unexpected answer");
  }
  return { ok, version };
}

/** The health probe answered 401: the screen's token was revoked or its session ended. */
export class SignedOutError extends Error {
  constructor() {
    super("health: signed out");
  }
}

/** Throws SignedOutError for a 401, an Error for any other failure. */
export function checkHealthStatus(status: number): void {
  if (status === 401) throw new SignedOutError();
  if (status < 200 || status > 299) throw new Error(`health: ${status}`);
}

export type SyncStep = "reload" | "requery";

export function syncStep(health: Health, loadedVersion: string): SyncStep {
  if (!health.ok || health.version === null) throw new Error("health: the server has no store");
  return health.version === loadedVersion ? "requery" : "reload";
}

const FIRST_RETRY_MS = 1_000;

/** The wait after the `failures`-th failure in a row: 1 s, 2 s, 4 s … up to the refresh interval. */
export function retryDelayMs(failures: number, refreshMs: number): number {
  return Math.min(refreshMs, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}
