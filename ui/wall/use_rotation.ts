/**
 * The playlist's clock: which scene is on, since when, and a way to move on early. It
 * starts once there are figures to show, so the first scene gets its full time.
 */
import { useEffect, useState } from "preact/hooks";

export interface Rotation {
  index: number;
  startedAt: number;
  /** Scene changes so far, for tests and the benchmark. */
  turns: number;
  advance(): void;
}

export function useRotation(length: number, sceneMs: number, running: boolean): Rotation {
  const [{ index, startedAt, turns }, setState] = useState({ index: 0, startedAt: Date.now(), turns: 0 });
  const advance = () => setState((s) => ({ index: (s.index + 1) % length, startedAt: Date.now(), turns: s.turns + 1 }));
  // Re-armed on every turn, so an early advance (the watchdog's) restarts the scene's full time.
  useEffect(() => {
    if (!running) return;
    // Until it runs, the scene is not late: its time starts now.
    if (turns === 0) setState((s) => ({ ...s, startedAt: Date.now() }));
    const timer = setTimeout(advance, sceneMs);
    return () => clearTimeout(timer);
  }, [turns, running]);
  return { index, startedAt, turns, advance };
}
