import assert from "node:assert/strict";
import { writeStore } from "../../lib/store/store.ts";
import { productApp, withEnv } from "./product_app.ts";

const app = await productApp();
const dir = await Deno.makeTempDir();

Deno.test("names of JavaScript's own properties are unknown names: 404, never 500", async () => {
  await writeStore(dir, { tickets: { ticket_id: ["T1"], created_at: [1], status: ["open"] } }, "t");
  await withEnv({ LINLI_DATA: dir }, async () => {
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      for (const path of [`/api/data/${name}.arrow`, `/api/reviews/packs/${name}`, `/api/tiles/${name}/0/0/0.pbf`]) {
        const res = await app.fetch(new Request(`http://localhost${path}`));
        assert.equal(res.status, 404, path);
        assert.ok(!(await res.text()).includes(dir), "no server path in the answer");
      }
    }
  });
  await Deno.remove(dir, { recursive: true });
});
