/**
 * The watchdog of a screen nobody watches. Once a second it compares what should be on
 * screen with what is, and escalates: a rotation whose timer died is advanced; a scene
 * that does not appear is remounted, and the page reloaded if that does not help; a
 * refresh that hangs is cancelled, and the page reloaded if it still hangs. A reload
 * loses the last good figures for seconds, so it is the last resort.
 */

export interface Observation {
  now: number;
  /** The scene the rotation is on. */
  expectedScene: string;
  /** The scene the DOM shows as active, null when none. */
  shownScene: string | null;
  /** When the rotation moved to the current scene. */
  sceneStartedAt: number;
  /** When the refresh under way started, null when none is. */
  refreshStartedAt: number | null;
}

export interface WatchdogLimits {
  sceneMs: number;
  /** How long something may be stuck before the first recovery. */
  stuckMs: number;
}

export interface WatchdogState {
  /** Since when the shown scene differs from the expected one. */
  mismatchSince: number | null;
  remounted: boolean;
  /** The refresh already cancelled, so it is cancelled once. */
  cancelledRefresh: number | null;
}

export type Recovery = "advance" | "remount" | "cancel_refresh" | "reload";

export const WATCHDOG_START: WatchdogState = { mismatchSince: null, remounted: false, cancelledRefresh: null };

/** Recoveries stop being gentle after this many stuck limits. */
const RELOAD_AFTER = 3;

export function watchdogStep(
  state: WatchdogState,
  obs: Observation,
  { sceneMs, stuckMs }: WatchdogLimits,
): { state: WatchdogState; recoveries: Recovery[] } {
  const recoveries: Recovery[] = [];
  const next = { ...state };
  if (obs.now - obs.sceneStartedAt > sceneMs + stuckMs) recoveries.push("advance");

  if (obs.shownScene === obs.expectedScene) {
    next.mismatchSince = null;
    next.remounted = false;
  } else {
    next.mismatchSince ??= obs.now;
    const stuck = obs.now - next.mismatchSince;
    if (stuck > RELOAD_AFTER * stuckMs) recoveries.push("reload");
    else if (stuck > stuckMs && !next.remounted) {
      recoveries.push("remount");
      next.remounted = true;
    }
  }

  if (obs.refreshStartedAt !== null) {
    const running = obs.now - obs.refreshStartedAt;
    if (running > RELOAD_AFTER * stuckMs) recoveries.push("reload");
    else if (running > stuckMs && next.cancelledRefresh !== obs.refreshStartedAt) {
      recoveries.push("cancel_refresh");
      next.cancelledRefresh = obs.refreshStartedAt;
    }
  }
  return { state: next, recoveries: [...new Set(recoveries)] };
}
