/**
 * A scope too large for the browser (here every scope: `LINLI_BROWSER_DATABASE_MB=0`)
 * stays on the server (lib/db/server_held.ts): the pages download no database, every
 * figure is the server's answer, and they show the same figures as a server whose pages
 * open the file themselves, before and after a filter change; the workbench answers SQL
 * and says where it runs.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser } from "./chromium.ts";
import { openPage, waitReady } from "./page.ts";
import { type Server, startServer } from "./server.ts";

const VIEWPORT = { width: 1366, height: 768 };
const DATA = "/api/data/";
const SQL =
  "SELECT street_id, category, count(*) AS n, min(created_at) AS first FROM tickets GROUP BY ALL ORDER BY ALL";

const dataRequests = (requests: string[]) =>
  requests.map((r) => new URL(r)).filter((u) => u.pathname.startsWith(DATA)).map((u) => u.pathname.slice(DATA.length));

const figures = (page: Page, within: string) =>
  page.$$eval(
    `${within} [data-metric]`,
    (elements) => elements.map((e) => [e.getAttribute("data-metric"), e.getAttribute("data-value") ?? e.textContent]),
  );

/** What a leader sees on `/`, on `/map` before and after choosing open tickets, and in the workbench. */
async function seen(browser: Browser, server: Server, session: string) {
  const context = await browser.createBrowserContext();
  try {
    const visit = async <T>(path: string, look: (page: Page) => Promise<T>) => {
      await using opened = await openPage(context, `${server.url}${path}`, VIEWPORT, { session });
      await waitReady(opened.page);
      const result = await look(opened.page);
      assert.deepEqual(opened.errors, []);
      assert.deepEqual(opened.foreignRequests(), []);
      const engine = await opened.page.evaluate(() => document.documentElement.dataset.engine);
      return { result, engine, data: dataRequests(opened.requests) };
    };
    const overview = await visit("", (page) => figures(page, "main"));
    const map = await visit("map", async (page) => {
      await page.waitForSelector('.drill[data-busy="false"]', { timeout: 60_000 });
      const before = await figures(page, ".drill");
      await page.click('.choices.compact [data-choice="open"]');
      await page.waitForFunction(() => location.search.includes("status="));
      await page.waitForSelector('.drill[data-busy="false"]', { timeout: 60_000 });
      return { before, after: await figures(page, ".drill") };
    });
    const sql = await visit(`sql?q=${encodeURIComponent(SQL)}`, async (page) => {
      await page.waitForSelector(".grid-row", { timeout: 60_000 });
      return {
        rows: await page.$eval("[data-rows]", (e) => e.getAttribute("data-rows")),
        first: await page.$$eval(
          ".grid-row",
          (rows) => rows.slice(0, 5).map((r) => [...r.children].map((c) => c.textContent)),
        ),
        where: await page.$eval(".sql-local", (e) => e.textContent),
        upload: await page.$eval(".file-button", (e) => (e as HTMLElement).hidden),
      };
    });
    return { overview, map, sql };
  } finally {
    await context.close();
  }
}

Deno.test("a scope held on the server", { sanitizeResources: false, sanitizeOps: false }, async () => {
  await using browser = await launchBrowser();
  let inBrowser: Awaited<ReturnType<typeof seen>>;
  {
    await using server = await startServer();
    inBrowser = await seen(browser, server, await server.signIn("leader"));
  }
  await using server = await startServer({ env: { LINLI_BROWSER_DATABASE_MB: "0" } });
  const held = await seen(browser, server, await server.signIn("leader"));

  for (const page of [held.overview, held.map, held.sql]) {
    assert.equal(page.engine, "server");
    assert.deepEqual(page.data, ["manifest.json"], "no database is downloaded");
  }
  assert.ok(held.overview.result.length > 0, "the overview shows figures");
  assert.deepEqual(held.overview.result, inBrowser.overview.result);
  assert.deepEqual(held.map.result, inBrowser.map.result);
  assert.notDeepEqual(held.map.result.before, held.map.result.after, "the filter changed the figures");
  const { where, upload, ...answer } = held.sql.result;
  const { where: localWhere, upload: localUpload, ...localAnswer } = inBrowser.sql.result;
  assert.deepEqual(answer, localAnswer, "the workbench's rows, times shown as times");
  assert.match(String(where), /服务器/);
  assert.doesNotMatch(String(localWhere), /服务器/);
  assert.deepEqual([upload, localUpload], [true, false], "no file is brought in where no table can be made");
});
