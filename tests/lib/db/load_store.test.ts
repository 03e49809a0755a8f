import assert from "node:assert/strict";
import { type DatabaseCache, fetchStoreDatabase } from "../../../lib/db/load_store.ts";

/** A data route served from memory, recording what is asked of it. */
function server(scope: string, fail = false) {
  const asked: string[] = [];
  const manifest = { version: "v1", scope, tables: { tickets: { rows: 9 } }, database: { bytes: 3, inBrowser: true } };
  const fetcher = (url: string) => {
    const name = url.slice("/api/data/".length);
    asked.push(name);
    if (name === "manifest.json") return Promise.resolve(Response.json(manifest));
    if (fail) return Promise.resolve(new Response("gone", { status: 404, statusText: "Not Found" }));
    return Promise.resolve(new Response(new Uint8Array([1, 2, 3])));
  };
  return { fetcher, asked };
}

function memoryCache(): DatabaseCache & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    get: (key) => Promise.resolve(files.get(key) ?? null),
    put: (key, bytes) => {
      files.clear();
      files.set(key, bytes);
      return Promise.resolve();
    },
  };
}

Deno.test("the database of the manifest's version is downloaded once per version and scope, then read from the cache", async () => {
  const cache = memoryCache();
  const first = server("masked");
  const got = await fetchStoreDatabase("/api/data/", first.fetcher, cache);
  assert.deepEqual(first.asked, ["manifest.json", "scope.duckdb?version=v1"]);
  assert.deepEqual([...got.bytes], [1, 2, 3]);
  assert.equal(got.manifest.scope, "masked");
  const again = server("masked");
  assert.deepEqual([...(await fetchStoreDatabase("/api/data/", again.fetcher, cache)).bytes], [1, 2, 3]);
  assert.deepEqual(again.asked, ["manifest.json"], "a revisit asks for the manifest only");
  // Another scope (another user in the same browser) is another file, and replaces the first.
  const other = server("street-S01");
  await fetchStoreDatabase("/api/data/", other.fetcher, cache);
  assert.deepEqual(other.asked, ["manifest.json", "scope.duckdb?version=v1"]);
  assert.deepEqual([...cache.files.keys()], ["v1.street-S01"]);
});

Deno.test("the admin's database, which holds raw residents' fields, is never cached", async () => {
  const cache = memoryCache();
  for (let visit = 0; visit < 2; visit++) {
    const admin = server("full");
    await fetchStoreDatabase("/api/data/", admin.fetcher, cache);
    assert.deepEqual(admin.asked, ["manifest.json", "scope.duckdb?version=v1"]);
  }
  assert.equal(cache.files.size, 0);
});

Deno.test("a database that cannot be fetched fails the load with its URL and status", async () => {
  const { fetcher } = server("masked", true);
  await assert.rejects(
    fetchStoreDatabase("/api/data/", fetcher),
    /\/api\/data\/scope\.duckdb\?version=v1: 404 Not Found/,
  );
});

Deno.test("a kept file of the wrong size (its writing cut short) is downloaded again", async () => {
  const cache = memoryCache();
  cache.files.set("v1.masked", new Uint8Array(0));
  const visit = server("masked");
  const got = await fetchStoreDatabase("/api/data/", visit.fetcher, cache);
  assert.deepEqual(visit.asked, ["manifest.json", "scope.duckdb?version=v1"]);
  assert.deepEqual([...got.bytes], [1, 2, 3]);
});

Deno.test("the cache keeps a copy: the engine taking the page's bytes (a transfer) leaves the kept file whole", async () => {
  const cache = memoryCache();
  const got = await fetchStoreDatabase("/api/data/", server("masked").fetcher, cache);
  structuredClone(got.bytes.buffer, { transfer: [got.bytes.buffer] });
  assert.deepEqual([...cache.files.get("v1.masked")!], [1, 2, 3]);
});
