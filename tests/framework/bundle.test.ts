import assert from "node:assert/strict";
import { buildIslands, listIslandFiles } from "../../framework/build.ts";
import { createApp } from "../../framework/server.ts";

/** `/_islands/Counter-AB12.js` → `Counter`. */
const entryName = (url: string) => url.split("/").pop()!.replace(/-[A-Z0-9]+\.js$/, "");

Deno.test("the bundle's entries are the top-level islands plus the runtime; a file in a folder under islands/ is not one", async () => {
  const root = new URL("./fixture", import.meta.url).pathname;
  const app = await createApp({
    root,
    cacheDir: await Deno.makeTempDir(),
    contentSecurityPolicy: "default-src 'self'",
  });
  assert.deepEqual(app.entries.map(entryName).sort(), ["Badge", "Counter", "client"]);
  const html = await (await app.fetch(new Request("http://localhost/"))).text();
  // The nested component is rendered inside Badge all the same.
  assert.match(html, /<span class="star">\*<\/span>/);
});

Deno.test("the project bundles exactly its top-level islands plus the hydration runtime", async () => {
  const root = new URL("../..", import.meta.url).pathname;
  const files = await listIslandFiles(`${root}/islands`);
  const names = files.map((f) => f.replace(/\.\w+$/, ""));
  assert.ok(names.includes("DrillMap") && names.includes("WallDisplay"), names.join());
  const built = await buildIslands(root, files.map((f, i) => ({ name: names[i], file: `islands/${f}` })));
  assert.equal(built.entries.length, files.length + 1);
  assert.deepEqual(built.entries.map(entryName).sort(), [...names, "client"].sort());
  // Nothing under islands/ but the islands themselves.
  for await (const e of Deno.readDir(`${root}/islands`)) assert.ok(e.isFile, `islands/${e.name} is a folder`);
});
