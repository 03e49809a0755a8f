import assert from "node:assert/strict";
import { writeStore } from "../../lib/store/store.ts";
import { fetchSignedIn, productApp, withEnv } from "./product_app.ts";

const dir = await Deno.makeTempDir();
/** The product's app, asked by a signed-in admin of the test's store. */
const fetchApp = await fetchSignedIn(await productApp(), dir);

Deno.test("names of JavaScript's own properties are unknown names: 404, never 500", async () => {
  await writeStore(dir, { tickets: { ticket_id: ["T1"], created_at: [1], status: ["open"] } }, "t");
  await withEnv({ LINLI_DATA: dir }, async () => {
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      for (const path of [`/api/data/${name}.arrow`, `/api/reviews/packs/${name}`, `/api/tiles/${name}/0/0/0.pbf`]) {
        const res = await fetchApp(new Request(`http://localhost${path}`));
        assert.equal(res.status, 404, path);
        assert.ok(!(await res.text()).includes(dir), "no server path in the answer");
      }
    }
  });
  await Deno.remove(dir, { recursive: true });
});
