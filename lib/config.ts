/** Server-side settings, from the environment, with the defaults the README documents. */
import { HOUR_MS } from "./time.ts";

export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** Where `deno task build` puts the island bundles the server serves. */
export const PREBUILT_ISLANDS = `${ROOT}/_build/islands`;

/** Where compressed assets are kept between starts: `LINLI_CACHE_DIR`, else `_build/cache`. */
export function assetCacheDir(): string {
  return Deno.env.get("LINLI_CACHE_DIR") ?? `${ROOT}/_build/cache`;
}

/** The store the server and `deno task sql` use: `LINLI_DATA`, else the built-in demo. */
export function dataDir(): string {
  return Deno.env.get("LINLI_DATA") ?? `${ROOT}/data/demo`;
}

export function usesDemoData(): boolean {
  return !Deno.env.get("LINLI_DATA");
}

/** Settings read from the environment as whole numbers, with a default and a name in the error. */
export function envNumber(name: string, fallback: number): number {
  const text = Deno.env.get(name)?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not "${text}"`);
  return value;
}

/** The largest review pack the server accepts (`LINLI_MAX_PACK_BYTES`, default 16 MiB). */
export const maxPackBytes = () => envNumber("LINLI_MAX_PACK_BYTES", 16 * 2 ** 20);

/** How long a person's session lasts without a request: `LINLI_SESSION_IDLE_HOURS`, default 8. */
export function sessionIdleMs(): number {
  const hours = Number(Deno.env.get("LINLI_SESSION_IDLE_HOURS") ?? 8);
  if (!(hours > 0)) throw new Error(`LINLI_SESSION_IDLE_HOURS must be a positive number of hours, not "${hours}"`);
  return hours * HOUR_MS;
}

/**
 * The native engine's memory bound for a build of the server's (a scope, the wall's
 * figures): `LINLI_BUILD_MEMORY_MB`, default 192; beyond it a build spills to the store's disk.
 */
export const buildMemoryMb = () => envNumber("LINLI_BUILD_MEMORY_MB", 192);

/**
 * The largest scope database a page's own engine takes in (`LINLI_BROWSER_DATABASE_MB`,
 * default 512): a tab holds the file's bytes beside the engine's memory, and 10M tickets'
 * file (800 MB) is more than a browser on an office PC should. A larger scope stays on the
 * server, which answers every query of its pages (lib/db/server_held.ts).
 */
export const browserDatabaseMaxBytes = () => envNumber("LINLI_BROWSER_DATABASE_MB", 512) * 2 ** 20;

/** The largest file the web import accepts (`LINLI_MAX_IMPORT_BYTES`, default 200 MiB). */
export const maxImportBytes = () => envNumber("LINLI_MAX_IMPORT_BYTES", 200 * 2 ** 20);
