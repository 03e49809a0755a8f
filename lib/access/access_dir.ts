/** Where a store's accounts, sessions, wall tokens and audit trail live: `<store>/access/`. */
import { JsonFile } from "./json_file.ts";

export function accessPath(storeDir: string, file: string): string {
  return `${storeDir}/access/${file}`;
}

const opened = new Map<string, JsonFile<unknown>>();

/** One JsonFile per path, so its cache and its queue of changes are shared by every caller. */
export function accessFile<T>(storeDir: string, file: string, empty: () => T): JsonFile<T> {
  const path = accessPath(storeDir, file);
  if (!opened.has(path)) opened.set(path, new JsonFile(path, empty));
  return opened.get(path) as JsonFile<T>;
}
