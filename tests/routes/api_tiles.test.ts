import assert from "node:assert/strict";
import { fetchSignedIn, productApp, withEnv } from "./product_app.ts";
import { writeStore } from "../../lib/store/store.ts";

const dir = await Deno.makeTempDir();
/** The product's app, asked by a signed-in admin of the test's store. */
const fetchApp = await fetchSignedIn(await productApp(), dir);
const get = (path: string) => fetchApp(new Request(`http://localhost${path}`));
const status = async (path: string) => {
  const res = await get(path);
  await res.body?.cancel();
  return res.status;
};

const square = JSON.stringify({
  type: "Polygon",
  coordinates: [[[112.55, 37.85], [112.551, 37.85], [112.551, 37.851], [112.55, 37.851], [112.55, 37.85]]],
});
const places = (name: string) => ({
  places: { place_id: ["C1"], level: ["compound"], name: [name], lon: [112.5505], lat: [37.8505], geometry: [square] },
});
// The tile of zoom 16 holding the compound's centre (Web Mercator tile numbers).
const lat = 37.8505 * Math.PI / 180;
const tx = Math.floor((112.5505 + 180) / 360 * 2 ** 16);
const ty = Math.floor((1 - Math.asinh(Math.tan(lat)) / Math.PI) / 2 * 2 ** 16);
const tileText = async (version: string) =>
  new TextDecoder().decode(new Uint8Array(await (await get(`/api/tiles/${version}/16/${tx}/${ty}.pbf`)).arrayBuffer()));

Deno.test("the district's vector tiles", async (t) => {
  await withEnv({ LINLI_DATA: dir, LINLI_VERSION_GRACE_MS: "600000" }, async () => {
    const m = await writeStore(dir, places("德沁苑"), "tiles");

    await t.step("come with the map page, immutable under their version", async () => {
      const html = await (await get("/map")).text();
      const path = `/api/tiles/${m.version}/{z}/{x}/{y}.pbf`;
      assert.ok(html.includes(JSON.stringify(path).slice(1, -1)), "the page's island props carry the tiles' URL");
      const res = await get(`/api/tiles/${m.version}/16/${tx}/${ty}.pbf`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
      assert.ok(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer())).includes("德沁苑"));
      assert.equal(await status(`/api/tiles/${m.version}/16/0/0.pbf`), 204, "nothing there");
      assert.equal(await status(`/api/tiles/${m.version}/16/x/0.pbf`), 400);
    });

    await t.step("outside the 2^z grid or the served zooms answer 404, never a wrapped copy", async () => {
      assert.equal(await status(`/api/tiles/${m.version}/16/${tx + 2 ** 16}/${ty}.pbf`), 404);
      assert.equal(await status(`/api/tiles/${m.version}/16/${tx}/${ty + 2 ** 16}.pbf`), 404);
      assert.equal(await status(`/api/tiles/${m.version}/17/${tx * 2}/${ty * 2}.pbf`), 404);
      assert.equal(await status(`/api/tiles/${m.version}/16/99999999999999999999999/0.pbf`), 404);
      assert.equal(await status(`/api/tiles/v-unknown/16/${tx}/${ty}.pbf`), 404);
    });

    await t.step("a version replaced by an import is served for the grace period, then 404", async () => {
      const second = await writeStore(dir, places("德沁苑二期"), "tiles 2");
      assert.ok((await tileText(second.version)).includes("德沁苑二期"));
      assert.ok((await tileText(m.version)).includes("德沁苑"), "the old version still answers");
      assert.ok(!(await tileText(m.version)).includes("二期"), "with its own tiles");
      Deno.env.set("LINLI_VERSION_GRACE_MS", "0");
      const third = await writeStore(dir, places("德沁苑三期"), "tiles 3");
      assert.ok((await tileText(third.version)).includes("三期"));
      assert.equal(await status(`/api/tiles/${second.version}/16/${tx}/${ty}.pbf`), 404, "no grace: gone");
      assert.equal(await status(`/api/tiles/${m.version}/16/${tx}/${ty}.pbf`), 200, "the first is still in its grace");
    });
  });
});
