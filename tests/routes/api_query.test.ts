/**
 * The query route answers a page's SQL on the scope of who is signed in, whatever the
 * request says; a masked role never receives a resident's name; long answers and the
 * admin's answers are audited; what is not a SELECT is refused with a reason.
 */
import assert from "node:assert/strict";
import { readAudit } from "../../lib/access/audit.ts";
import { columnsToRows } from "../../lib/db/connector.ts";
import { generateDemo } from "../../lib/demo/generate.ts";
import { readManifest, writeStore } from "../../lib/store/store.ts";
import { AUDITED_ROWS } from "../../routes/api/query.ts";
import { sessionCookieFor } from "./access_fixtures.ts";
import { productApp, serverSettled, withEnv } from "./product_app.ts";

const dir = await Deno.makeTempDir();
const demo = generateDemo({ tickets: 2000 });
// Read before the store is written: writing takes the columns over.
const streets = demo.tickets.street_id as string[];
const names = new Set(demo.tickets.reporter_name as string[]);
const [street, otherStreet] = [...new Set(streets)].sort();
await writeStore(dir, demo, "query route test");
const app = await productApp();

/** POSTs `body` to the query route as a browser of `role` would (`null`: signed out). */
async function ask(cookie: string | null, body: unknown, more: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", origin: "http://localhost", ...more };
  if (cookie) headers.cookie = cookie;
  const res = await app.fetch(
    new Request("http://localhost/api/query", { method: "POST", headers, body: JSON.stringify(body) }),
  );
  const encoding = res.headers.get("content-encoding");
  const text = encoding === "gzip"
    ? await new Response(res.body!.pipeThrough(new DecompressionStream("gzip"))).text()
    : await res.text();
  const answer = JSON.parse(text);
  return { status: res.status, encoding, body: { ...answer, rows: answer.columns && columnsToRows(answer.columns) } };
}

Deno.test("the query route", async (t) => {
  await withEnv({ LINLI_DATA: dir }, async () => {
    const admin = await sessionCookieFor(dir, "admin");
    const leader = await sessionCookieFor(dir, "leader");
    const official = await sessionCookieFor(dir, "street", [street]);

    await t.step("answers only someone signed in", async () => {
      assert.equal((await ask(null, { sql: "SELECT 1 AS one" })).status, 401);
    });

    await t.step("answers from the session's scope, never from the request's", async () => {
      const sql = "SELECT count(DISTINCT street_id) AS streets, count(*) AS tickets FROM tickets";
      const all = await ask(admin, { sql });
      assert.equal(all.status, 200);
      assert.equal(all.body.rows[0].tickets, streets.length);
      for (const body of [{ sql }, { sql, scope: "full" }]) {
        const own = await ask(official, body);
        assert.equal(own.status, 200);
        assert.deepEqual(own.body.rows, [{
          streets: 1,
          tickets: streets.filter((s) => s === street).length,
        }]);
      }
    });

    await t.step("never sends a masked role a resident's name", async () => {
      const sql = "SELECT reporter_name AS name FROM tickets WHERE reporter_name IS NOT NULL LIMIT 20";
      const held = await ask(admin, { sql });
      assert.ok(held.body.rows.every((r: { name: string }) => names.has(r.name)), "the admin holds them");
      const masked = await ask(leader, { sql });
      assert.equal(masked.status, 200);
      assert.equal(masked.body.rows.length, 20);
      for (const { name } of masked.body.rows) assert.match(name, /^\S\*+$/, "masked as 王**");
    });

    await t.step("audits long answers and every answer in the admin's scope", async () => {
      const before = (await readAudit(dir)).filter((r) => r.event === "query").length;
      await ask(leader, { sql: "SELECT 1 AS one" });
      const long = await ask(leader, { sql: `SELECT range AS n FROM range(${AUDITED_ROWS})` });
      assert.equal(long.body.rows.length, AUDITED_ROWS);
      assert.deepEqual(long.body.columns, { n: [...Array(AUDITED_ROWS).keys()] }, "sent by column");
      await ask(admin, { sql: "SELECT 1 AS one" });
      const after = (await readAudit(dir)).filter((r) => r.event === "query").slice(before);
      assert.deepEqual(after.map((r) => [r.role, r.scope, r.rows]), [["leader", "masked", AUDITED_ROWS], [
        "admin",
        "full",
        1,
      ]]);
    });

    await t.step("gzips a long answer for a browser that accepts it", async () => {
      const sql = "SELECT range AS n, 'building ' || range AS name FROM range(20000)";
      const [plain, gzipped] = [
        await ask(leader, { sql }),
        await ask(leader, { sql }, { "accept-encoding": "gzip, br" }),
      ];
      assert.equal(plain.encoding, null);
      assert.equal(gzipped.encoding, "gzip");
      assert.deepEqual(gzipped.body, plain.body);
    });

    await t.step("refuses what is not one SELECT, saying why", async () => {
      for (
        const [body, reason] of [
          [{ sql: "DROP VIEW tickets" }, /only SELECT/],
          [{ sql: "SELECT * FROM read_csv('/etc/passwd')" }, /file system operations are disabled/],
          [{ sql: "SELECT nothing FROM nowhere" }, /nowhere/],
          [{ query: "SELECT 1" }, /the body is/],
        ] as const
      ) {
        const res = await ask(leader, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match(res.body.error, reason);
      }
    });

    await t.step(
      "answers a page on the store version it shows while it is kept, then says the store has changed",
      async () => {
        const sql = "SELECT count(*) AS tickets FROM tickets";
        const { version } = (await readManifest(dir))!;
        assert.deepEqual((await ask(leader, { sql, version })).body.rows, [{ tickets: streets.length }]);
        // An import of more tickets: the page opened before it still sees its own version's figures.
        await writeStore(dir, generateDemo({ tickets: 2100 }), "query route test, reimported");
        const { version: next } = (await readManifest(dir))!;
        await withEnv({ LINLI_VERSION_GRACE_MS: "600000" }, async () => {
          assert.deepEqual((await ask(leader, { sql, version: next })).body.rows, [{ tickets: 2100 }]);
          assert.deepEqual((await ask(leader, { sql, version })).body.rows, [{ tickets: streets.length }]);
          assert.deepEqual((await ask(leader, { sql })).body.rows, [{ tickets: 2100 }], "no version: the store's");
          // No page of this street was opened on the replaced version: its scope is not built now.
          const unbuilt = await ask(await sessionCookieFor(dir, "street", [otherStreet]), { sql, version });
          assert.equal(unbuilt.status, 409);
          assert.match(unbuilt.body.error, /the store has changed/);
        });
        await withEnv({ LINLI_VERSION_GRACE_MS: "0" }, async () => {
          const gone = await ask(leader, { sql, version });
          assert.equal(gone.status, 409);
          assert.match(gone.body.error, /the store has changed since version/);
        });
      },
    );
  });
  await serverSettled();
  await Deno.remove(dir, { recursive: true });
});
