import assert from "node:assert/strict";
import { tableFromIPC } from "apache-arrow";
import { demoStore } from "../../bench/demo_stores.ts";
import { MOSAIC_COLUMNS, serveMosaic } from "../../bench/mosaic_page.ts";

Deno.test("the Mosaic anchor serves its page, the engine and the four columns it reads from its own origin", async () => {
  const root = await Deno.makeTempDir();
  try {
    const dir = await demoStore("mosaic", 500, () => {}, root);
    await using server = await serveMosaic(dir);
    const page = await (await fetch(server.url)).text();
    assert.match(page, /<script type="module" src="\/page.js">/);
    const script = await (await fetch(new URL("page.js", server.url))).text();
    assert.match(script, /mosaicBench/);
    // Mosaic's own DuckDB-WASM pin is aliased to the build Linli's pages run on: one engine in the bundle.
    assert.match(script, /1\.32\.0/);
    assert.doesNotMatch(script, /1\.33\.1-dev57/);
    for (const build of ["mvp", "eh"]) {
      const wasm = await fetch(new URL(`engine/duckdb-${build}.wasm`, server.url));
      assert.equal(wasm.status, 200);
      await wasm.body?.cancel();
    }
    const tickets = tableFromIPC(
      new Uint8Array(await (await fetch(new URL("data/tickets.arrow", server.url))).arrayBuffer()),
    );
    assert.deepEqual(tickets.schema.fields.map((f) => f.name), MOSAIC_COLUMNS);
    assert.equal(tickets.numRows, 500);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
