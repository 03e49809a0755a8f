/**
 * Loads the server's store into a DuckDB connection, table by table, as Arrow streams.
 * Every download starts at once; tables go into the engine one after another, those a
 * page names first ahead of the rest and the rest smallest first, so a map can draw its
 * geometry while a million tickets are still on their way in.
 */
import type { Manifest } from "../store/store.ts";
import type { Connector } from "./connector.ts";
import { createViews } from "../metrics/views.ts";

export interface StoreLoading {
  manifest: Promise<Manifest>;
  /** Resolves once the named tables are in (the metrics' views may not be yet). */
  tables(names: string[]): Promise<void>;
  /** Every table and the metrics' views. */
  complete: Promise<Manifest>;
}

/** Fetches `manifest.json` and each table from `baseUrl` (the server's data route). */
export function startLoadingStore(
  db: Connector,
  baseUrl: string,
  fetcher: (url: string) => Promise<Response> = fetch,
  first: string[] = [],
): StoreLoading {
  const get = async (path: string) => {
    const res = await fetcher(baseUrl + path);
    if (!res.ok) throw new Error(`${baseUrl + path}: ${res.status} ${res.statusText}`);
    return res;
  };
  const manifest: Promise<Manifest> = get("manifest.json").then((res) => res.json());
  const loaded = new Map<string, Promise<void>>();
  const order = manifest.then((m) => {
    const names = Object.keys(m.tables);
    const rest = names.filter((n) => !first.includes(n)).sort((a, b) => m.tables[a].bytes - m.tables[b].bytes);
    return [...first.filter((n) => names.includes(n)), ...rest];
  });
  const complete = order.then(async (names) => {
    const downloads = names.map((name) => get(`${name}.arrow`).then((res) => res.arrayBuffer()));
    let previous: Promise<void> = Promise.resolve();
    names.forEach((name, i) => {
      previous = previous.then(async () => {
        await db.insertArrowStream(name, new Uint8Array(await downloads[i]));
      });
      loaded.set(name, previous);
      // Reported through `complete`; marked handled so a failure is not also an unhandled rejection.
      previous.catch(() => {});
    });
    await previous;
    await createViews(db);
    return manifest;
  });
  return {
    manifest,
    async tables(names) {
      await order;
      await Promise.race([complete, Promise.all(names.map((n) => loaded.get(n)))]);
    },
    complete,
  };
}

export function loadStore(
  db: Connector,
  baseUrl: string,
  fetcher?: (url: string) => Promise<Response>,
): Promise<Manifest> {
  return startLoadingStore(db, baseUrl, fetcher).complete;
}
