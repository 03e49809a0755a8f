/**
 * One DuckDB per page, loaded once with the server's store, shared by the page's
 * islands. The engine and data come from our own origin (URLs given as props).
 */
import type { Connector } from "../../lib/db/connector.ts";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import type { Manifest, Scope } from "../../lib/store/store.ts";

export interface LoadedStore {
  db: Connector;
  manifest: Manifest;
}

let opened: Promise<LoadedStore> | undefined;

export function openStore(engine: EngineUrls, scope: Scope = "full"): Promise<LoadedStore> {
  opened ??= (async () => {
    // Imported here so server rendering never loads the engine's browser code.
    const [{ openBrowserDuckDB }, { loadStore }] = await Promise.all([
      import("../../lib/db/duckdb_browser.ts"),
      import("../../lib/db/load_store.ts"),
    ]);
    const db = await openBrowserDuckDB(engine);
    const manifest = await loadStore(db, "/api/data/", fetch, scope === "public" ? "?scope=public" : "");
    return { db, manifest };
  })();
  return opened;
}

/** Tells tests and the wall's watchdog that the page has its data on screen. */
export function markReady() {
  document.documentElement.dataset.ready = "true";
}

export function markError(message: string) {
  document.documentElement.dataset.error = message;
}
