/**
 * One DuckDB per page, loaded once with the server's store, shared by the page's
 * islands. The engine and data come from our own origin (URLs given as props).
 */
import type { Connector } from "../../lib/db/connector.ts";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import type { ServedManifest } from "../../lib/db/load_store.ts";
import { databaseCache } from "./database_cache.ts";

export interface LoadedStore {
  db: Connector;
  manifest: ServedManifest;
}

/** A store on its way in: the engine is up; `tables` resolves once the database (every table at once) is attached. */
export interface StagedStore {
  db: Connector;
  tables(names: string[]): Promise<void>;
  complete: Promise<LoadedStore>;
}

let staged: Promise<StagedStore> | undefined;

const DATA_URL = "/api/data/";

/**
 * Opens the store once per page: the scope's database file, attached in the page's
 * DuckDB (lib/db/load_store.ts), from the browser's cache when it holds this version's.
 * What the store holds is the server's choice, by who is signed in. `_first` (the
 * tables a page needs first) no longer orders anything: kept so callers need not change.
 */
export function openStagedStore(engine: EngineUrls, _first: string[] = []): Promise<StagedStore> {
  staged ??= (async () => {
    // Imported here so server rendering never loads the engine's browser code.
    const [{ openBrowserDuckDB }, { fetchStoreDatabase, openStoreDatabase }] = await Promise.all([
      import("../../lib/db/duckdb_browser.ts"),
      import("../../lib/db/load_store.ts"),
    ]);
    // The data downloads while the engine compiles, instead of after it.
    const fetched = fetchStoreDatabase(DATA_URL, fetch, databaseCache());
    const db = await openBrowserDuckDB(engine);
    const complete = openStoreDatabase(db, fetched).then((manifest) => ({ db, manifest }));
    return { db, tables: () => complete.then(() => {}), complete };
  })();
  return staged;
}

export async function openStore(engine: EngineUrls): Promise<LoadedStore> {
  return (await openStagedStore(engine)).complete;
}

/** Tells tests and the wall's watchdog that the page has its data on screen. */
export function markReady() {
  document.documentElement.dataset.ready = "true";
}

export function markError(message: string) {
  document.documentElement.dataset.error = message;
}
