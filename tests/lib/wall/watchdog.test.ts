import assert from "node:assert/strict";
import { type Observation, WATCHDOG_START, type WatchdogState, watchdogStep } from "../../../lib/wall/watchdog.ts";

const LIMITS = { sceneMs: 10_000, stuckMs: 5_000 };
const healthy: Observation = {
  now: 0,
  expectedScene: "map",
  shownScene: "map",
  sceneStartedAt: 0,
  refreshStartedAt: null,
};

/** Runs the watchdog once a second over `seconds`, the observation given per second; returns what it did when. */
function run(seconds: number, observe: (now: number) => Partial<Observation>) {
  let state: WatchdogState = WATCHDOG_START;
  const done: string[] = [];
  for (let s = 1; s <= seconds; s++) {
    const now = s * 1000;
    const step = watchdogStep(state, { ...healthy, now, sceneStartedAt: now, ...observe(now) }, LIMITS);
    state = step.state;
    done.push(...step.recoveries.map((r) => `${s}:${r}`));
  }
  return done;
}

Deno.test("a healthy wall is left alone", () => {
  assert.deepEqual(run(120, () => ({})), []);
});

Deno.test("a rotation whose timer died is advanced", () => {
  assert.deepEqual(run(16, () => ({ sceneStartedAt: 0 })), ["16:advance"]);
});

Deno.test("a scene that does not appear is remounted once, and the page reloaded if that does not help", () => {
  assert.deepEqual(run(17, () => ({ expectedScene: "ranking", shownScene: "map" })), ["7:remount", "17:reload"]);
  // A remount that works resets the watch.
  assert.deepEqual(
    run(30, (now) => ({ expectedScene: "ranking", shownScene: now < 8_000 ? "map" : "ranking" })),
    ["7:remount"],
  );
  assert.deepEqual(run(8, () => ({ expectedScene: "map", shownScene: null })), ["7:remount"]);
});

Deno.test("a hung refresh is cancelled once, and the page reloaded if it still hangs", () => {
  assert.deepEqual(run(17, () => ({ refreshStartedAt: 500 })), ["6:cancel_refresh", "16:reload", "17:reload"]);
  // Each refresh gets its own cancel.
  assert.deepEqual(
    run(14, (now) => ({ refreshStartedAt: now < 7_000 ? 500 : 7_000 })),
    ["6:cancel_refresh", "13:cancel_refresh"],
  );
});
