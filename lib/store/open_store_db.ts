/**
 * A DuckDB holding every table of a store on disk: by default the same WASM engine as the
 * browser; the server's builds pass the native one (lib/db/duckdb_native.ts).
 */
import type { Connector } from "../db/connector.ts";
import { openDenoDuckDB } from "../db/duckdb_deno.ts";
import { createViews } from "../metrics/views.ts";
import { type Manifest, readManifest, readTableStream } from "./store.ts";

/** `given`: the version to open, when the caller has read the manifest already. */
export async function openStoreDb<C extends Connector = Connector>(
  dir: string,
  given?: Manifest,
  open: () => Promise<C> = openDenoDuckDB as () => Promise<C>,
): Promise<{ db: C; manifest: Manifest }> {
  const manifest = given ?? await readManifest(dir);
  if (!manifest) throw new Error(`no store in ${dir} (it has no manifest.json)`);
  const db = await open();
  await loadTables(db, dir, manifest, Object.keys(manifest.tables));
  await createViews(db);
  return { db, manifest };
}

/** The store's tables `names` into `db`, one after another. */
export async function loadTables(db: Connector, dir: string, manifest: Manifest, names: string[]) {
  for (const name of names) await db.insertArrowStream(name, await readTableStream(dir, manifest, name));
}
