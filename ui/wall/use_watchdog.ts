/** Runs lib/wall/watchdog.ts once a second against what the page actually shows, and applies its recoveries. */
import { type RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { type Recovery, WATCHDOG_START, type WatchdogLimits, watchdogStep } from "../../lib/wall/watchdog.ts";

const TICK_MS = 1_000;

export interface Watched {
  expectedScene: string;
  sceneStartedAt: number;
  refreshStartedAt: { current: number | null };
}

export function useWatchdog(
  root: RefObject<HTMLElement>,
  watched: Watched,
  limits: WatchdogLimits,
  recover: Record<Exclude<Recovery, "reload">, () => void>,
) {
  // The interval outlives renders, so it reads the latest values through a ref.
  const latest = useRef({ watched, recover });
  latest.current = { watched, recover };
  useEffect(() => {
    let state = WATCHDOG_START;
    const timer = setInterval(() => {
      const { watched, recover } = latest.current;
      const active = root.current?.querySelector<HTMLElement>(".wall-scene.is-active");
      const step = watchdogStep(state, {
        now: Date.now(),
        expectedScene: watched.expectedScene,
        shownScene: active?.dataset.scene ?? null,
        sceneStartedAt: watched.sceneStartedAt,
        refreshStartedAt: watched.refreshStartedAt.current,
      }, limits);
      state = step.state;
      for (const recovery of step.recoveries) {
        console.warn(`wall watchdog: ${recovery}`);
        if (recovery === "reload") location.reload();
        else recover[recovery]();
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);
}
