/**
 * `/data/quality` is an admin's page: the import notes it shows quote source files, which
 * no scope masks. Every other role is refused (and logged), and only an admin's overview
 * links it.
 */
import assert from "node:assert/strict";
import { readAudit } from "../../lib/access/audit.ts";
import { sessionCookieFor, stepsOnStore, storeWithStreets } from "./access_fixtures.ts";
import { productApp } from "./product_app.ts";

const dir = await storeWithStreets();
const app = await productApp();
const get = (path: string, cookie: string) =>
  app.fetch(new Request(`http://localhost${path}`, { headers: { cookie } }));

Deno.test("the data-quality page is the admin's", async (t) => {
  await stepsOnStore(t, dir, [
    ["an admin opens it and the overview links it", async () => {
      const admin = await sessionCookieFor(dir, "admin");
      const page = await get("/data/quality?lang=en", admin);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div class="app">/, "in the dashboard's frame");
      assert.match(await (await get("/", admin)).text(), /\/data\/quality/);
    }],
    ["a leader, an analyst and a street official get 403, and no link", async () => {
      for (const [role, streets] of [["leader", []], ["analyst", []], ["street", ["S01"]]] as const) {
        const cookie = await sessionCookieFor(dir, role, [...streets]);
        const page = await get("/data/quality", cookie);
        await page.body?.cancel();
        assert.equal(page.status, 403, role);
        assert.doesNotMatch(await (await get("/", cookie)).text(), /\/data\/quality/, role);
      }
      const refused = (await readAudit(dir)).filter((r) => r.event === "refused" && r.path === "GET /data/quality");
      assert.deepEqual(refused.map((r) => r.role), ["leader", "analyst", "street"]);
    }],
  ]);
});
