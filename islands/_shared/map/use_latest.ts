/** Runs an async computation whenever its key changes; only the newest run's result is kept. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { QueryState } from "../use_store_query.ts";

export function useLatest<T>(key: string, run: (() => Promise<T>) | null): QueryState<T> & { stale: boolean } {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [doneKey, setDoneKey] = useState<string | null>(null);
  const generation = useRef(0);
  useEffect(() => {
    if (!run) return;
    const mine = ++generation.current;
    run().then(
      (data) => {
        if (mine !== generation.current) return;
        setState({ status: "ready", data });
        setDoneKey(key);
      },
      (e: Error) => {
        if (mine !== generation.current) return;
        console.warn(e);
        setState({ status: "error", message: e.message });
        setDoneKey(key);
      },
    );
  }, [key, run === null]);
  return { ...state, stale: run !== null && doneKey !== key };
}
