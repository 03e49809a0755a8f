/**
 * Signing in as a person would: a page without a session lands on the login page, a
 * demo account's one-click button signs in and goes back, the header signs out; and a
 * wall signed in with its token covers its screen once the token is revoked.
 */
import assert from "node:assert/strict";
import { firstStreet } from "../../lib/access/demo_accounts.ts";
import { revokeWallToken } from "../../lib/access/wall_tokens.ts";
import { launchBrowser } from "./chromium.ts";
import { markDocument, newDocumentLoaded, openPage } from "./page.ts";
import { REPO_ROOT, startServer } from "./server.ts";

const VIEWPORT = { width: 1366, height: 768 };
const DEMO_STORE = new URL("data/demo", REPO_ROOT).pathname;

Deno.test("signing in and out, and the wall's token", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await using server = await startServer();
  await using browser = await launchBrowser();

  await t.step("without a session the map sends you to sign in; a demo account's button brings you back", async () => {
    await using context = await browser.createBrowserContext();
    await using opened = await openPage(context, `${server.url}map?lang=en`, VIEWPORT, { session: null });
    const { page } = opened;
    assert.equal(new URL(page.url()).pathname, "/login");
    assert.match(await page.$eval("main", (m) => m.textContent ?? ""), /Demo accounts/);
    const buttons = await page.$$eval(".login-demo-account button", (bs) => bs.map((b) => b.textContent ?? ""));
    assert.equal(buttons.length, 4, buttons.join(" | "));
    const street = await firstStreet(DEMO_STORE);
    assert.ok(
      buttons.some((b) => b.includes(street!.name)),
      `the street account is the first street's, ${street?.name}`,
    );
    await markDocument(page);
    await page.click(".login-demo-account:nth-of-type(1) button");
    await newDocumentLoaded(page);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, "/map?lang=en");
    assert.match(
      await page.$eval(".app-account", (f) => f.textContent ?? ""),
      /Signed in as 示范管理员 \(Administrator\)/,
    );
    await markDocument(page);
    await page.click(".app-account button");
    await newDocumentLoaded(page);
    assert.equal(new URL(page.url()).pathname, "/login");
    await page.goto(`${server.url}sql`);
    assert.equal(new URL(page.url()).pathname, "/login", "signed out: the session is over");
  });

  await t.step("a wall signs in with its token, drops it, and says so when the token is revoked", async () => {
    assert.ok(server.demoWallPath, "the server printed the demo wall's address");
    await using context = await browser.createBrowserContext();
    const url = new URL(server.demoWallPath!, server.url);
    url.searchParams.set("refresh", "1");
    await using opened = await openPage(context, url.href, VIEWPORT, { session: null });
    const { page } = opened;
    assert.equal(new URL(page.url()).searchParams.get("token"), null, "the token left the address");
    assert.equal(new URL(page.url()).pathname, "/wall");
    await page.waitForSelector(".wall-live[data-refreshes]:not([data-refreshes='0'])", { timeout: 60_000 });
    assert.equal(await page.$("[data-signed-out]"), null);
    await revokeWallToken(DEMO_STORE, "demo-wall");
    const banner = await page.waitForSelector("[data-signed-out='true']", { timeout: 30_000 });
    assert.match(await banner!.evaluate((e) => e.textContent ?? ""), /已退出登录/);
    const covers = await banner!.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.width >= innerWidth && r.height >= innerHeight;
    });
    assert.ok(covers, "the banner covers the whole screen: no stale figure shows");
  });
});
