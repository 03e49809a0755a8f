/**
 * The newest ticket's time in a store on disk, for the server to open "the latest"
 * review without a browser: read once per store version, from the tickets' public file.
 */
import { streamToTable } from "../store/arrow.ts";
import { readManifest, readTableStream } from "../store/store.ts";

const cache = new Map<string, number | null>();

export async function storeAsOf(dir: string): Promise<number | null> {
  const manifest = await readManifest(dir);
  if (!manifest?.tables.tickets) return null;
  const key = `${dir}\0${manifest.version}`;
  if (!cache.has(key)) {
    const created = streamToTable(await readTableStream(dir, manifest, "tickets", "public")).getChild("created_at");
    let newest: number | null = null;
    for (let i = 0; i < (created?.length ?? 0); i++) {
      const value = created!.get(i);
      if (value != null && (newest === null || Number(value) > newest)) newest = Number(value);
    }
    cache.clear();
    cache.set(key, newest);
  }
  return cache.get(key)!;
}
