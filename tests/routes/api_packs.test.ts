import assert from "node:assert/strict";
import { fetchSignedIn, productApp, withEnv } from "./product_app.ts";
import type { ReviewData } from "../../lib/reviews/review.ts";

const dir = await Deno.makeTempDir();
/** The product's app, asked by a signed-in admin of the test's store. */
const fetchApp = await fetchSignedIn(await productApp(), dir);
const URL_ = "http://localhost/api/reviews/packs";
const post = (body: string, headers: Record<string, string> = {}) =>
  fetchApp(new Request(URL_, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));

const data = (district: string): ReviewData => ({
  kind: "month",
  period: "2026-11",
  filter: { from: 1, to: 2 },
  district,
  asOf: 1,
  storeVersion: "v1",
  figures: [],
  tables: [{ id: "t", columns: [], rows: [{ a: district }], total: 1 }],
});

Deno.test("review packs over HTTP", async (t) => {
  await withEnv({ LINLI_DATA: dir, LINLI_MAX_PACK_BYTES: "100000" }, async () => {
    await t.step("40 concurrent posts give 40 packs, each its own content", async () => {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(JSON.stringify(data(`区${i}`)))));
      assert.deepEqual(answers.map((r) => r.status), Array(40).fill(201));
      const ids = await Promise.all(answers.map(async (r) => (await r.json()).id as string));
      assert.equal(new Set(ids).size, 40);
      for (const [i, id] of ids.entries()) {
        const res = await fetchApp(new Request(`${URL_}/${id}`));
        assert.equal(res.headers.get("cache-control"), "private, no-cache");
        assert.equal((await res.json()).district, `区${i}`);
      }
      const list = await (await fetchApp(new Request(`${URL_}?kind=month&period=2026-11`))).json();
      assert.equal(list.length, 40);
    });

    await t.step("a pack is revalidated by its id", async () => {
      const id = (await (await post(JSON.stringify(data("x")))).json()).id;
      const first = await fetchApp(new Request(`${URL_}/${id}`));
      await first.body?.cancel();
      const again = await fetchApp(
        new Request(`${URL_}/${id}`, { headers: { "if-none-match": first.headers.get("etag")! } }),
      );
      assert.equal(again.status, 304);
    });

    await t.step("a body over the limit is refused with 413, declared or not", async () => {
      const big = JSON.stringify({ ...data("x"), padding: "x".repeat(200_000) });
      assert.equal((await post(big)).status, 413);
      const stream = new Blob([big]).stream();
      const res = await fetchApp(new Request(URL_, { method: "POST", body: stream, duplex: "half" } as RequestInit));
      assert.equal(res.status, 413);
    });

    await t.step("a month that does not exist is refused, and no answer names a server path", async () => {
      const res = await post(JSON.stringify({ ...data("x"), period: "2026-99" }));
      assert.equal(res.status, 400);
      const text = await res.text();
      assert.match(text, /not a review period/);
      assert.ok(!text.includes(dir));
      const missing = await fetchApp(new Request(`${URL_}/month-2026-11-0000000000001`));
      assert.equal(missing.status, 404);
      assert.ok(!(await missing.text()).includes(dir));
    });
  });
});
