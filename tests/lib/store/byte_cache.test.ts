import assert from "node:assert/strict";
import { byteCache } from "../../../lib/store/byte_cache.ts";

Deno.test("a byte cache stays within its bound, evicting the least recently used", () => {
  const cache = byteCache<Uint8Array>((b) => b.length, 10_000);
  for (let i = 0; i < 3_000; i++) cache.set(`v1/16/${i}/0`, new Uint8Array(1_000));
  assert.ok(cache.calculatedSize <= 10_000, `${cache.calculatedSize} bytes held`);
  assert.ok(cache.size < 10);
  assert.ok(cache.has("v1/16/2999/0") && !cache.has("v1/16/0/0"));
  cache.get("v1/16/2995/0");
  for (let i = 3_000; i < 3_008; i++) cache.set(`v1/16/${i}/0`, new Uint8Array(1_000));
  assert.ok(cache.has("v1/16/2995/0"), "one just read is kept");
});
