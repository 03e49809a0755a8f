/**
 * Opens the server's store in a DuckDB connection: the manifest, then the scope's database
 * file (lib/store/scope_database.ts), attached read-only with a view per table. The file
 * comes from `cache` when it holds this store version's file of this scope (a revisit
 * downloads no data, only the manifest that names the version), else from the data
 * route, and is then kept in the cache while the page opens it.
 */
import { attachScopeDatabase, DATABASE_FILE } from "../store/scope_database.ts";
import type { Manifest } from "../store/store.ts";
import type { Connector } from "./connector.ts";

/** The manifest as the data route answers it: rows per table, the database's size, no file names. */
export interface ServedManifest extends Omit<Manifest, "tables" | "source"> {
  /** What made the store: the admin's alone. */
  source?: string;
  scope: string;
  tables: Record<string, { rows: number }>;
  /** The database's size, and whether the page's own engine takes it in (else the server answers every query). */
  database: { bytes: number; inBrowser: boolean };
}

/** Where a browser keeps a database file between visits (OPFS in ui/common/database_cache.ts). */
export interface DatabaseCache {
  get(key: string): Promise<Uint8Array | null>;
  /** Keeps `bytes` under `key` instead of whatever it held: one file at rest, the latest. */
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/** A scope's file is the same for every user of the scope and version. */
const cacheKey = (m: ServedManifest) => `${m.version}.${m.scope}`;

/** Raw residents' fields (the admin's scope) are never left at rest in a browser's storage. */
const cacheable = (m: ServedManifest) => m.scope !== "full";

type Fetcher = (url: string) => Promise<Response>;

async function get(fetcher: Fetcher, url: string): Promise<Response> {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${res.statusText}`);
  return res;
}

/** The scope's manifest from `baseUrl` (the server's data route): the version, the tables and their rows. */
export async function fetchManifest(baseUrl: string, fetcher: Fetcher = fetch): Promise<ServedManifest> {
  return await (await get(fetcher, baseUrl + "manifest.json")).json();
}

/**
 * Fetches `manifest.json` (unless `known` is it) and the database's bytes from `baseUrl`
 * (the server's data route) unless `cache` has them.
 */
export async function fetchStoreDatabase(
  baseUrl: string,
  fetcher: Fetcher = fetch,
  cache?: DatabaseCache,
  known?: ServedManifest,
): Promise<{ manifest: ServedManifest; bytes: Uint8Array }> {
  const manifest = known ?? await fetchManifest(baseUrl, fetcher);
  const key = cacheKey(manifest);
  const store = cacheable(manifest) ? cache : undefined;
  // A file whose writing was cut short (the tab closed) is not this version's file.
  let bytes = await store?.get(key).then((b) => b?.length === manifest.database.bytes ? b : null, () => null) ?? null;
  if (!bytes) {
    // The manifest's version, not whatever the store holds by the time this request lands.
    const url = `${baseUrl}${DATABASE_FILE}?version=${encodeURIComponent(manifest.version)}`;
    bytes = new Uint8Array(await (await get(fetcher, url)).arrayBuffer());
    // Kept for the next visit without holding this one up (writing 90 MB takes a second). A copy, as the engine
    // is handed `bytes` itself. A cache that cannot keep it (full, private window, the tab closed first) costs
    // the next visit a download, nothing more.
    store?.put(key, bytes.slice()).catch(() => {});
  }
  return { manifest, bytes };
}

/** The store's database opened in `db` (lib/store/scope_database.ts): a view per table, the metrics' views. */
export async function openStoreDatabase(
  db: Connector,
  fetched: Promise<{ manifest: ServedManifest; bytes: Uint8Array }>,
): Promise<ServedManifest> {
  const { manifest, bytes } = await fetched;
  await attachScopeDatabase(db, bytes, Object.keys(manifest.tables));
  return manifest;
}
