/**
 * The page's store in the browser: the scope's database file is downloaded once and kept
 * in OPFS, so a revisit on the same store version downloads no data (only the manifest,
 * which names the version); on plain http, where there is no OPFS, the same file is
 * downloaded on every visit and the page works the same. The server listens on every
 * interface so the same page is reached securely (127.0.0.1) and not (the machine's own
 * network address). Either way the first figures are the server's answers while the
 * page's engine starts.
 */
import assert from "node:assert/strict";
import { QUERY_URL } from "../../lib/db/server_answers.ts";
import { launchBrowser } from "./chromium.ts";
import type { Page } from "puppeteer-core";
import { openPage, waitEngine, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const VIEWPORT = { width: 1366, height: 768 };
const DATA = "/api/data/";

/** What a visit asked of the data route, by file. */
const dataRequests = (requests: string[]) =>
  requests.map((r) => new URL(r)).filter((u) => u.pathname.startsWith(DATA)).map((u) => u.pathname.slice(DATA.length));

/** How many database files the page's origin keeps in OPFS (a file being written is empty until it lands). */
const keptFiles = (page: Page) =>
  page.evaluate(async () => {
    try {
      const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("linli-store");
      let n = 0;
      for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
        if ((await (await folder.getFileHandle(name)).getFile()).size > 0) n++;
      }
      return n;
    } catch {
      return 0;
    }
  });

/** The page keeps its database while it opens it, and may be ready before the file has landed. */
async function untilKept(page: Page): Promise<number> {
  for (let waited = 0; (await keptFiles(page)) === 0 && waited < 30_000; waited += 200) {
    await new Promise((r) => setTimeout(r, 200));
  }
  return await keptFiles(page);
}

/** The machine's own non-loopback IPv4 address: http to it is not a secure context. */
const address = Deno.networkInterfaces().find((i) => i.family === "IPv4" && !i.address.startsWith("127."))?.address;

Deno.test("store cache", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await using server = await startServer({ env: { HOST: "0.0.0.0" } });
  await using browser = await launchBrowser();
  const session = await server.signIn("leader");

  await t.step("in a secure context a revisit downloads no data", async () => {
    const context = await browser.createBrowserContext();
    try {
      const visit = async () => {
        await using opened = await openPage(context, server.url, VIEWPORT, { session });
        await waitReady(opened.page);
        await waitEngine(opened.page);
        assert.deepEqual(opened.errors, []);
        assert.deepEqual(opened.foreignRequests(), []);
        const secure = await opened.page.evaluate(() => globalThis.isSecureContext);
        assert.equal(await untilKept(opened.page), 1, "the visit kept its database");
        const asked = opened.requests.filter((r) => new URL(r).pathname === QUERY_URL).length;
        return { secure, data: dataRequests(opened.requests), asked };
      };
      const first = await visit();
      assert.ok(first.secure);
      assert.deepEqual(first.data, ["manifest.json", "scope.duckdb"]);
      assert.ok(first.asked > 0, "the server answered the first figures while the engine started");
      const again = await visit();
      assert.deepEqual(again.data, ["manifest.json"], "the database came from OPFS");
    } finally {
      await context.close();
    }
  });

  await t.step("on plain http the page downloads the database each visit and works", async () => {
    assert.ok(address, "this machine has no network address but loopback");
    const url = server.url.replace("127.0.0.1", address!);
    const context = await browser.createBrowserContext();
    try {
      for (let visit = 0; visit < 2; visit++) {
        await using opened = await openPage(context, url, VIEWPORT, { session });
        await waitReady(opened.page);
        await waitEngine(opened.page);
        assert.deepEqual(opened.errors, []);
        assert.deepEqual(opened.foreignRequests(), []);
        assert.equal(await opened.page.evaluate(() => globalThis.isSecureContext), false);
        assert.deepEqual(dataRequests(opened.requests), ["manifest.json", "scope.duckdb"]);
        const figures = await opened.page.$$eval("[data-metric]", (e) => e.length);
        assert.ok(figures > 0, "the page shows its figures");
      }
    } finally {
      await context.close();
    }
  });

  await t.step("signing out removes the kept database from the browser", async () => {
    const own = await server.signIn("leader");
    const context = await browser.createBrowserContext();
    try {
      await using opened = await openPage(context, server.url, VIEWPORT, { session: own });
      await waitReady(opened.page);
      assert.equal(await untilKept(opened.page), 1, "the visit kept its database");
      const status = await opened.page.evaluate(() =>
        fetch("/api/auth/logout", { method: "POST" }).then((r) => r.status)
      );
      assert.equal(status, 204);
      assert.equal(await keptFiles(opened.page), 0, "gone with the session");
    } finally {
      await context.close();
    }
  });
});
