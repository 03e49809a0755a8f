/**
 * Runs an async computation whenever its key changes; only the newest run's result is
 * kept, and the run it supersedes is told so through its signal (its queries leave the
 * engine's queue or are stopped).
 */
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { markError } from "../common/store.ts";
import type { QueryState } from "../common/use_store_query.ts";

export function useLatest<T>(
  key: string,
  run: ((signal: AbortSignal) => Promise<T>) | null,
): QueryState<T> & { stale: boolean } {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [doneKey, setDoneKey] = useState<string | null>(null);
  const generation = useRef(0);
  // Before the next paint rather than after it: on a busy page, "after the next frame" is a frame too late.
  useLayoutEffect(() => {
    if (!run) return;
    const mine = ++generation.current;
    const controller = new AbortController();
    run(controller.signal).then(
      (data) => {
        if (mine !== generation.current) return;
        setState({ status: "ready", data });
        setDoneKey(key);
      },
      (e: Error) => {
        // Only this run's own abort is no answer: any other is a failure to show, not a figure to wait for.
        if (mine !== generation.current || controller.signal.aborted) return;
        console.warn(e);
        // Shown where the figure would be, and said by the page: a page waiting for a figure that failed never gets ready.
        markError(e.message);
        setState({ status: "error", message: e.message });
        setDoneKey(key);
      },
    );
    return () => controller.abort();
  }, [key, run === null]);
  return { ...state, stale: run !== null && doneKey !== key };
}
