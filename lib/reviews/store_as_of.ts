/** The newest ticket's time in a store on disk, for the server to open "the latest" review without a browser. */
import { readManifest } from "../store/store.ts";

export async function storeAsOf(dir: string): Promise<number | null> {
  return (await readManifest(dir))?.data_as_of ?? null;
}
