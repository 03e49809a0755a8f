/** A DuckDB (the same WASM engine as the browser) holding every table of a store on disk. */
import type { Connector } from "../db/connector.ts";
import { openDenoDuckDB } from "../db/duckdb_deno.ts";
import { createViews } from "../metrics/views.ts";
import { type Manifest, readManifest, readTableStream } from "./store.ts";

/** `given`: the version to open, when the caller has read the manifest already. */
export async function openStoreDb(dir: string, given?: Manifest): Promise<{ db: Connector; manifest: Manifest }> {
  const manifest = given ?? await readManifest(dir);
  if (!manifest) throw new Error(`no store in ${dir} (it has no manifest.json)`);
  const db = await openDenoDuckDB();
  for (const name of Object.keys(manifest.tables)) {
    await db.insertArrowStream(name, await readTableStream(dir, manifest, name));
  }
  await createViews(db);
  return { db, manifest };
}
