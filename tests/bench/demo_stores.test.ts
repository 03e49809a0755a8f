import assert from "node:assert/strict";
import { demoStore } from "../../bench/demo_stores.ts";
import { readManifest } from "../../lib/store/store.ts";

Deno.test("a bench's demo store is built when missing, says so, and is kept for the next run", async () => {
  const root = await Deno.makeTempDir();
  try {
    const said: string[] = [];
    const dir = await demoStore("Small", 500, (m) => said.push(m), root);
    assert.equal(dir, `${root}/demo-small`);
    assert.equal(said.length, 1);
    assert.match(said[0], /no demo store of 500 tickets .*: building it/);
    const manifest = await readManifest(dir);
    assert.equal(manifest?.tables.tickets.rows, 500);

    const again: string[] = [];
    assert.equal(await demoStore("Small", 500, (m) => again.push(m), root), dir);
    assert.equal(again.length, 0);
    assert.equal((await readManifest(dir))?.version, manifest?.version);

    await demoStore("Small", 600, (m) => again.push(m), root);
    assert.equal(again.length, 1, "a store of another size is rebuilt");
    assert.equal((await readManifest(dir))?.tables.tickets.rows, 600);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
