import assert from "node:assert/strict";
import { fetchSignedIn, productApp, withEnv } from "./product_app.ts";

const dir = await Deno.makeTempDir();
/** The product's app, asked by a signed-in admin of the test's store. */
const fetchApp = await fetchSignedIn(await productApp(), dir);

/** The upstream's answer by zoom: what a misbehaving or hostile tile server could send. */
const UPSTREAM: Record<number, () => Response | Promise<Response>> = {
  1: () => new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { "content-type": "image/png" } }),
  2: () => new Response("<script>alert(1)</script>", { headers: { "content-type": "text/html" } }),
  3: () => new Response("alert(1)", { headers: { "content-type": "text/javascript" } }),
  4: () => new Promise((resolve) => setTimeout(() => resolve(new Response("late")), 2_000)),
  5: () => new Response(new Uint8Array(300_000), { headers: { "content-type": "image/jpeg" } }),
  6: () => new Response(new Uint8Array([1, 2]), { headers: { "content-type": "application/vnd.mapbox-vector-tile" } }),
  7: () => new Response("no", { status: 404 }),
  8: () => new Response("<svg onload=alert(1)/>", { headers: { "content-type": "image/svg+xml" } }),
};
const hits: number[] = [];
const upstream = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, (req) => {
  const z = Number(new URL(req.url).pathname.split("/")[1]);
  hits.push(z);
  return UPSTREAM[z]();
});

const relay = async (z: number) => {
  const res = await fetchApp(new Request(`http://localhost/api/basemap/${z}/0/0`));
  return { status: res.status, type: res.headers.get("content-type"), body: new Uint8Array(await res.arrayBuffer()) };
};

Deno.test("the basemap relay passes images and vector tiles only, bounded in time, size and cache", async () => {
  const env = {
    LINLI_DATA: dir,
    LINLI_BASEMAP_TILES: `http://127.0.0.1:${upstream.addr.port}/{z}/{x}/{y}`,
    LINLI_BASEMAP_TIMEOUT_MS: "200",
    LINLI_BASEMAP_MAX_BYTES: "100000",
  };
  await withEnv(env, async () => {
    const png = await relay(1);
    assert.deepEqual([png.status, png.type, png.body.length], [200, "image/png", 4]);
    assert.equal((await relay(1)).status, 200);
    assert.equal(hits.filter((z) => z === 1).length, 1, "the second answer came from the cache");
    assert.deepEqual(await relay(6).then((r) => [r.status, r.type]), [200, "application/vnd.mapbox-vector-tile"]);
    for (const z of [2, 3, 8]) {
      const refused = await relay(z);
      assert.equal(refused.status, 502, `zoom ${z}`);
      assert.equal(refused.body.length, 0, "nothing of the upstream's body reaches our origin");
    }
    assert.equal((await relay(4)).status, 504, "an upstream that hangs is given up");
    assert.equal((await relay(5)).status, 502, "over the size limit");
    assert.equal((await relay(7)).status, 404);
  }).finally(() => upstream.shutdown());
});
