/**
 * The server's in-memory caches, each bounded by bytes and evicting the least recently used
 * entry (lru-cache), so however many distinct URLs are asked the cache never outgrows its
 * bound. Keys start with the store version they were made from, so entries of a version no
 * longer served simply age out.
 */
import { LRUCache } from "lru-cache";
import { envNumber } from "../config.ts";

/** Each cache's bound: `LINLI_CACHE_BYTES`, default 128 MiB. */
export const cacheBytes = () => envNumber("LINLI_CACHE_BYTES", 128 * 2 ** 20);

export type ByteCache<V extends object> = LRUCache<string, V>;

/** `sizeOf` tells a value's bytes; the key's are added. */
export function byteCache<V extends object>(sizeOf: (value: V) => number, maxBytes = cacheBytes()): ByteCache<V> {
  return new LRUCache<string, V>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (value, key) => Math.max(1, sizeOf(value) + key.length * 2),
  });
}
