/** Runs a set of queries against the page's store and tracks loading and errors. */
import { useEffect, useState } from "preact/hooks";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import { type LoadedStore, markError, openStore } from "./store.ts";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; data: T };

export function useStoreQuery<T>(
  engine: EngineUrls,
  run: (store: LoadedStore) => Promise<T>,
): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  useEffect(() => {
    let live = true;
    openStore(engine).then(run).then(
      (data) => live && setState({ status: "ready", data }),
      (e: Error) => {
        console.warn(e);
        markError(e.message);
        if (live) setState({ status: "error", message: e.message });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
