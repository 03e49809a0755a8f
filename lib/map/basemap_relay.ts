/**
 * The relay behind `/api/basemap/z/x/y`: fetches the configured basemap's tile with a
 * timeout, passes only image and vector-tile bodies (anything else served from our origin
 * could run as our page: an upstream's HTML or script), refuses bodies over a size limit,
 * and keeps the tiles it relayed in a cache bounded by bytes.
 */
import { envNumber } from "../config.ts";
import { readAtMost } from "../read_at_most.ts";
import { byteCache } from "../store/byte_cache.ts";

const VECTOR_TILE_TYPES = ["application/x-protobuf", "application/vnd.mapbox-vector-tile"];

/** Whether an upstream's content type may be served from our origin. */
export function relayableType(type: string | null): boolean {
  const mime = type?.split(";")[0].trim().toLowerCase() ?? "";
  // SVG is an image that can carry script.
  return (mime.startsWith("image/") && mime !== "image/svg+xml") || VECTOR_TILE_TYPES.includes(mime);
}

export interface RelayedTile {
  status: 200 | 404 | 502 | 504;
  body?: Uint8Array;
  type?: string;
}

export interface RelayOptions {
  timeoutMs: number;
  maxBytes: number;
}

export const relayOptions = (): RelayOptions => ({
  timeoutMs: envNumber("LINLI_BASEMAP_TIMEOUT_MS", 5_000),
  maxBytes: envNumber("LINLI_BASEMAP_MAX_BYTES", 2 * 2 ** 20),
});

let cache: ReturnType<typeof byteCache<{ body: Uint8Array; type: string }>> | undefined;

export async function relayTile(url: string, options = relayOptions()): Promise<RelayedTile> {
  cache ??= byteCache((t) => t.body.length + t.type.length);
  const cached = cache.get(url);
  if (cached) return { status: 200, ...cached };
  let upstream: Response;
  try {
    upstream = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: "error" });
  } catch (e) {
    return { status: (e as Error).name === "TimeoutError" ? 504 : 502 };
  }
  if (!upstream.ok) {
    await upstream.body?.cancel();
    return { status: upstream.status === 404 ? 404 : 502 };
  }
  const type = upstream.headers.get("content-type");
  if (!relayableType(type)) {
    await upstream.body?.cancel();
    return { status: 502 };
  }
  // A timeout while reading fails the read: a 502 too.
  const body = await readAtMost(upstream, options.maxBytes).catch(() => null);
  if (!body) return { status: 502 };
  const tile = { body, type: type! };
  cache.set(url, tile);
  return { status: 200, ...tile };
}
