/**
 * Loads every page of the real product in headless Chromium at the two screen sizes it
 * is made for, and checks what a person would see: that it becomes ready without errors,
 * stays offline, speaks Chinese, draws its compounds and counts its tickets right.
 */
import assert from "node:assert/strict";
import { launchBrowser } from "./chromium.ts";
import { openPage, probeMap, screenshot, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const PAGES = [
  { path: "", name: "overview", hasMap: true },
  { path: "map", name: "map", hasMap: true },
  { path: "wall", name: "wall", hasMap: true },
  { path: "sql", name: "sql", hasMap: false },
];
const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];
const HAN = /\p{Script=Han}/u;

interface Manifest {
  tables: Record<string, { rows: number }>;
}

Deno.test("pages", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await using server = await startServer();
  await using browser = await launchBrowser();

  for (const { path, name, hasMap } of PAGES) {
    for (const viewport of VIEWPORTS) {
      const size = `${viewport.width}x${viewport.height}`;
      await t.step(`/${path} at ${size}`, async () => {
        await using opened = await openPage(browser, `${server.url}${path}`, viewport);
        const { page, errors, foreignRequests } = opened;
        try {
          await waitReady(page);
        } finally {
          // Taken even when the page never gets ready: that is when it is most needed.
          await screenshot(page, `${name}-${size}`);
        }
        assert.deepEqual(errors, []);
        assert.deepEqual(foreignRequests(), []);
        assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");

        const metrics = await page.$$eval(
          "[data-metric]",
          (elements) => elements.map((e) => [e.getAttribute("data-metric"), e.getAttribute("data-value")]),
        );
        for (const [metric, value] of metrics) {
          assert.ok(Number.isFinite(Number(value ?? "")), `${metric} has data-value ${value}`);
        }

        if (hasMap) {
          const { hits, misses } = await probeMap(page, `${name}-map-${size}`);
          assert.ok(
            hits.length > misses.length,
            `compounds drawn at only ${hits.length} of ${hits.length + misses.length} probe points; ` +
              `missing at ${JSON.stringify(misses.slice(0, 10))}`,
          );
        }

        if (name === "overview") {
          const response = await server.fetch(`${server.url}api/data/manifest.json`);
          assert.equal(response.status, 200);
          const manifest: Manifest = await response.json();
          const shown = await page.$eval(
            '[data-metric="tickets_total"]',
            (element) => element.getAttribute("data-value"),
          );
          assert.equal(Number(shown), manifest.tables.tickets.rows);
        }
      });
    }
  }

  await t.step("the language switch keeps the state the page has put in its URL since it was served", async () => {
    await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[1]);
    const { page } = opened;
    await waitReady(page);
    const target = await page.$eval('[data-pick^="street:"]', (e) => e.getAttribute("data-pick")!);
    await page.click(`[data-pick="${target}"]`);
    await page.waitForFunction(() => location.search.includes("place="));
    await page.click(".lang-switch");
    // The map rewrites its own URL as it moves, so "a navigation" could be one of those: wait for the English page.
    await page.waitForFunction(() => document.documentElement.lang === "en", { timeout: 30_000 });
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("place"), target);
    assert.equal(url.searchParams.get("lang"), "en");
    await waitReady(page);
    assert.deepEqual(opened.errors, []);
  });

  await t.step("an unknown page answers 404 in Chinese", async () => {
    const response = await server.fetch(`${server.url}no-such-page`);
    const body = await response.text();
    assert.equal(response.status, 404);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(body, /<html[^>]*\blang="zh-CN"/);
    assert.match(body, HAN);
  });
});
