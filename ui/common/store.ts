/**
 * One DuckDB per page, shared by the page's islands, with the server's store. Its first
 * queries are answered by the server on the scope's database (lib/db/server_first.ts), so
 * the first figures wait neither for the engine (34 MB of WASM to compile) nor for the
 * file; the page's own engine starts once they are on screen, or at the latest after
 * LOCAL_AT_THE_LATEST_MS, and answers everything from then on. A scope too large for a
 * browser (the manifest says so) stays on the server, which answers every query
 * (lib/db/server_held.ts). The engine and data come from our own origin (URLs given as props).
 */
import type { Connector } from "../../lib/db/connector.ts";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import type { ServedManifest } from "../../lib/db/load_store.ts";
import { serverAnswers } from "../../lib/db/server_answers.ts";
import { serverFirst } from "../../lib/db/server_first.ts";
import { databaseCache } from "./database_cache.ts";

export interface LoadedStore {
  db: Connector;
  manifest: ServedManifest;
}

const DATA_URL = "/api/data/";

/** A page that never says its figures are shown (no WebGL for its map) still gets its engine. */
const LOCAL_AT_THE_LATEST_MS = 5000;

let opened: Promise<LoadedStore> | undefined;

let figuresOnScreen: () => void = () => {};
/**
 * Settles once the page says its first figures are on screen (`markReady`), or
 * LOCAL_AT_THE_LATEST_MS after the store was opened: what can wait for them (the page's
 * own engine, the map's buildings) waits on this, and leaves the main thread to them.
 */
export const figuresShown = new Promise<void>((resolve) => figuresOnScreen = resolve);

/**
 * Opens the store once per page. What it holds is the server's choice, by who is signed
 * in. The page's engine opens the scope's database file (lib/db/load_store.ts), from the
 * browser's cache when it holds this version's.
 */
export function openStore(engine: EngineUrls): Promise<LoadedStore> {
  opened ??= (async () => {
    // Imported here so server rendering never loads the engine's browser code.
    const { fetchManifest } = await import("../../lib/db/load_store.ts");
    const manifest = await fetchManifest(DATA_URL);
    setTimeout(figuresOnScreen, LOCAL_AT_THE_LATEST_MS);
    if (!manifest.database.inBrowser) {
      const { serverHeld } = await import("../../lib/db/server_held.ts");
      document.documentElement.dataset.engine = "server";
      return { db: serverHeld(serverAnswers(manifest.version)), manifest };
    }
    const db = serverFirst(serverAnswers(manifest.version), () => openLocal(engine, manifest));
    // A failure shows where a query needs the engine; nobody waits on this one.
    figuresShown.then(() => db.local()).catch(() => {});
    return { db, manifest };
  })();
  return opened;
}

async function openLocal(engine: EngineUrls, manifest: ServedManifest): Promise<Connector> {
  const [{ openBrowserDuckDB }, { fetchStoreDatabase, openStoreDatabase }] = await Promise.all([
    import("../../lib/db/duckdb_browser.ts"),
    import("../../lib/db/load_store.ts"),
  ]);
  // The data downloads while the engine compiles, instead of after it.
  const fetched = fetchStoreDatabase(DATA_URL, fetch, databaseCache(), manifest);
  const db = await openBrowserDuckDB(engine);
  await openStoreDatabase(db, fetched);
  document.documentElement.dataset.engine = "local";
  return db;
}

/** Tells tests and the wall's watchdog that the page has its data on screen; the page's engine starts then. */
export function markReady() {
  document.documentElement.dataset.ready = "true";
  figuresOnScreen();
}

export function markError(message: string) {
  document.documentElement.dataset.error = message;
}
