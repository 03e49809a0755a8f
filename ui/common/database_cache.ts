/**
 * The scope's database file kept in the browser's origin-private file system (OPFS)
 * between visits, so a revisit of any page on the same store version opens it without a
 * download. The bytes are read back and registered as a buffer rather than opened by
 * DuckDB-WASM as an `opfs://` database: that needs an exclusive handle (one tab at a
 * time) and a writable database, while a buffer serves any number of tabs read-only,
 * the same way as on plain http. OPFS exists only in a secure context (https, localhost):
 * elsewhere there is no cache and every visit downloads the file.
 */
import type { DatabaseCache } from "../../lib/db/load_store.ts";

const FOLDER = "linli-store";
/** Tabs writing at once take turns, so one's clean-up never removes the file another just wrote. */
const LOCK = "linli-store-cache";

export function databaseCache(): DatabaseCache | undefined {
  if (!globalThis.isSecureContext || !navigator.storage?.getDirectory || !navigator.locks) return undefined;
  const folder = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(FOLDER, { create: true });
  const fileName = (key: string) => `${encodeURIComponent(key)}.duckdb`;
  return {
    // After any write under way, so a page opened while another tab still keeps the file finds it.
    get: (key) =>
      navigator.locks.request(LOCK, async () => {
        try {
          const file = await (await (await folder()).getFileHandle(fileName(key))).getFile();
          return new Uint8Array(await file.arrayBuffer());
        } catch {
          return null;
        }
      }),
    put: (key, bytes) =>
      navigator.locks.request(LOCK, async () => {
        const dir = await folder();
        // A writable stream lands in place on close only: a reader never sees half a file.
        const writable = await (await dir.getFileHandle(fileName(key), { create: true })).createWritable();
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        await writable.close();
        for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
          if (name !== fileName(key)) await dir.removeEntry(name);
        }
      }),
  };
}
