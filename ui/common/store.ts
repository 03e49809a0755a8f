/**
 * One DuckDB per page, loaded once with the server's store, shared by the page's
 * islands. The engine and data come from our own origin (URLs given as props).
 */
import type { Connector } from "../../lib/db/connector.ts";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import type { Manifest } from "../../lib/store/store.ts";

export interface LoadedStore {
  db: Connector;
  manifest: Manifest;
}

/** A store on its way in: the engine is up and the page can wait for the tables it needs first. */
export interface StagedStore {
  db: Connector;
  tables(names: string[]): Promise<void>;
  complete: Promise<LoadedStore>;
}

let staged: Promise<StagedStore> | undefined;

const DATA_URL = "/api/data/";

/**
 * Starts loading the store once per page; `first` (from the page's first caller) are the
 * tables that go into the engine before the others. What the store holds is the
 * server's choice, by who is signed in.
 */
export function openStagedStore(engine: EngineUrls, first: string[] = []): Promise<StagedStore> {
  staged ??= (async () => {
    // The data downloads while the engine compiles, instead of after it.
    const prefetched = prefetchStore();
    // Imported here so server rendering never loads the engine's browser code.
    const [{ openBrowserDuckDB }, { startLoadingStore }] = await Promise.all([
      import("../../lib/db/duckdb_browser.ts"),
      import("../../lib/db/load_store.ts"),
    ]);
    const db = await openBrowserDuckDB(engine);
    const loading = startLoadingStore(db, DATA_URL, prefetched, first);
    return { db, tables: loading.tables, complete: loading.complete.then((manifest) => ({ db, manifest })) };
  })();
  return staged;
}

export async function openStore(engine: EngineUrls): Promise<LoadedStore> {
  return (await openStagedStore(engine)).complete;
}

/** Starts every table's download now; returns a fetch that hands out those downloads. */
function prefetchStore(): (url: string) => Promise<Response> {
  const responses = new Map<string, Promise<Response>>();
  const manifestUrl = `${DATA_URL}manifest.json`;
  const manifest = fetch(manifestUrl).then(async (res) => {
    if (!res.ok) return res;
    const text = await res.text();
    for (const name of Object.keys(JSON.parse(text).tables)) {
      const url = `${DATA_URL}${name}.arrow`;
      responses.set(url, fetch(url));
    }
    return new Response(text, { headers: res.headers });
  });
  return async (url) => {
    if (url === manifestUrl) return manifest;
    await manifest;
    return responses.get(url) ?? fetch(url);
  };
}

/** Tells tests and the wall's watchdog that the page has its data on screen. */
export function markReady() {
  document.documentElement.dataset.ready = "true";
}

export function markError(message: string) {
  document.documentElement.dataset.error = message;
}
