/** Loads the server's store into a DuckDB connection, table by table, as Arrow streams. */
import type { Manifest } from "../store/store.ts";
import type { Connector } from "./connector.ts";
import { createViews } from "../metrics/views.ts";

/** Fetches `manifest.json` and each table from `baseUrl` (the server's data route). */
export async function loadStore(
  db: Connector,
  baseUrl: string,
  fetcher: (url: string) => Promise<Response> = fetch,
  /** e.g. `?scope=public`, so the server leaves out personal columns. */
  search = "",
): Promise<Manifest> {
  const get = async (path: string) => {
    const res = await fetcher(baseUrl + path);
    if (!res.ok) throw new Error(`${baseUrl + path}: ${res.status} ${res.statusText}`);
    return res;
  };
  const manifest: Manifest = await (await get(`manifest.json${search}`)).json();
  await Promise.all(
    Object.keys(manifest.tables).map(async (name) => {
      const bytes = new Uint8Array(await (await get(`${name}.arrow${search}`)).arrayBuffer());
      await db.insertArrowStream(name, bytes);
    }),
  );
  await createViews(db);
  return manifest;
}
