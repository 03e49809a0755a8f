/**
 * The wall display in headless Chromium against the real product: the playlist rotates
 * in order at its interval, the figures survive a server restart and come back by
 * themselves, the freshness badge warns when they are stale, nothing personal reaches
 * the page, and every scene fits the screen at 1080p, 4K and 32:9 (screenshots saved).
 */
import assert from "node:assert/strict";
import type { Page } from "puppeteer-core";
import { ROOT } from "../../lib/config.ts";
import { ensureDemoStore } from "../../lib/store/demo_store.ts";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { SCENES } from "../../lib/wall/config.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const HD = { width: 1920, height: 1080 };
const VIEWPORTS = [HD, { width: 3840, height: 2160 }, { width: 3840, height: 1080 }];
const TIMEOUT = { timeout: 30_000 };
const INTERVAL_S = 2.5;
/**
 * A smaller demo district than the default one, so each page loads in seconds; the
 * pages test covers the wall on the full demo store.
 */
const STORE = `${ROOT}/data/stores/wall-test`;
const STORE_TICKETS = 30_000;

const wallData = (page: Page, name: string) =>
  page.$eval(".wall-live", (el, name) => el.getAttribute(`data-${name}`), name);

/** Waits until the wall's `data-<name>` attribute passes `test`. */
async function waitWall(page: Page, name: string, test: string) {
  await page.waitForFunction(
    `(() => { const v = document.querySelector(".wall-live")?.getAttribute("data-${name}"); return ${test}; })()`,
    TIMEOUT,
  );
}

/** Records every scene change in the page with its time. */
function recordScenes(page: Page): Promise<void> {
  return page.evaluate(() => {
    const log: [string, number][] = [];
    (globalThis as unknown as { sceneLog: typeof log }).sceneLog = log;
    const el = document.querySelector(".wall-live")!;
    new MutationObserver(() => log.push([el.getAttribute("data-scene")!, performance.now()]))
      .observe(el, { attributes: true, attributeFilter: ["data-scene"] });
  });
}

/**
 * What spills out of the screen: the page itself, or any element of the active scene
 * beyond the scene's box (the rolling list and the map clip their own content).
 */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const spilled = doc.scrollWidth > doc.clientWidth || doc.scrollHeight > doc.clientHeight ? ["page"] : [];
    const scene = document.querySelector<HTMLElement>(".wall-scene.is-active")!;
    const box = scene.getBoundingClientRect();
    for (const e of scene.querySelectorAll("*")) {
      if (e.closest(".wall-roll, .linli-map")) continue;
      const r = e.getBoundingClientRect();
      if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1) {
        spilled.push(`${e.tagName}.${e.className} ${Math.round(r.right)}×${Math.round(r.bottom)}`);
      }
    }
    return spilled.slice(0, 5);
  });
}

Deno.test("wall", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await ensureDemoStore(STORE, { tickets: STORE_TICKETS });
  await using server = await startServer({ env: { LINLI_DATA: STORE } });
  await using browser = await launchBrowser();

  await t.step(
    "scenes rotate in order at the interval, fit 1080p, 4K and 32:9, and show nothing personal",
    async () => {
      await using opened = await openPage(browser, `${server.url}wall?interval=${INTERVAL_S}`, HD);
      const { page, errors, foreignRequests, requests } = opened;
      await waitReady(page);
      await recordScenes(page);
      const texts: string[] = [];
      for (const viewport of VIEWPORTS) {
        await page.setViewport(viewport);
        for (const scene of SCENES) {
          await waitWall(page, "scene", `v === "${scene}"`);
          // The transition takes 0.8 s.
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          const size = `${viewport.width}x${viewport.height}`;
          await screenshot(page, `wall-${scene}-${size}`);
          assert.deepEqual(await overflow(page), [], `${scene} at ${size}`);
          texts.push(await page.$eval(".wall-stage", (e) => e.textContent ?? ""));
        }
      }

      const log: [string, number][] = await page.evaluate(() => (globalThis as unknown as { sceneLog: [] }).sceneLog);
      assert.ok(log.length >= SCENES.length * VIEWPORTS.length - 1, `${log.length} scene changes`);
      const first = SCENES.indexOf(log[0][0] as typeof SCENES[number]);
      log.forEach(([scene], i) => assert.equal(scene, SCENES[(first + i) % SCENES.length], `scene change ${i}`));
      const gaps = log.slice(1).map(([, at], i) => at - log[i][1]).sort((a, b) => a - b);
      // Timers run late on a loaded machine, never early.
      assert.ok(gaps[0] > INTERVAL_S * 1000 - 100, `a scene lasted only ${Math.round(gaps[0])} ms`);
      const median = gaps[Math.floor(gaps.length / 2)];
      assert.ok(median < INTERVAL_S * 1000 * 1.3, `scenes lasted ${Math.round(median)} ms, not ${INTERVAL_S} s`);

      assert.deepEqual(errors, []);
      assert.deepEqual(foreignRequests(), []);
      assert.equal(await page.$eval(".wall-freshness", (e) => e.getAttribute("data-freshness")), "fresh");
      assert.ok(await page.$(".wall-scene-closures li"), "the closures scene shows no closures");
      // The privacy check below runs on pages that had something to leak.
      assert.ok(texts.every((text) => text.length > 100), "a scene had no figures");

      // The wall downloads no table: it draws the server's figures.
      assert.deepEqual(requests.filter((url) => url.includes("/api/data/")), []);
      assert.ok(requests.some((url) => url.includes("/api/wall/data")));
      const html = await page.content();
      const { db } = await openStoreDb(STORE);
      try {
        const distinct = async (column: string) =>
          (await db.query<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM tickets WHERE ${column} IS NOT NULL`))
            .map((r) => r.v);
        const phones = new Set(await distinct("reporter_phone"));
        assert.ok(phones.size > 0);
        assert.deepEqual((html.match(/\d{11}/g) ?? []).filter((n) => phones.has(n)), [], "phone numbers");
        for (const column of ["reporter_name", "description", "address"]) {
          const values = await distinct(column);
          assert.ok(values.length > 0);
          const found = values.filter((v) => v.length >= 3 && html.includes(v));
          assert.deepEqual(found.slice(0, 5), [], `${column} in the wall's page`);
        }
        const served = await (await fetch(`${server.url}api/wall/data?scenes=${SCENES.join(",")}`)).text();
        const points = await db.query<{ lon: number; lat: number }>(
          "SELECT lon, lat FROM tickets WHERE lon IS NOT NULL USING SAMPLE 500 ROWS",
        );
        const numbers = numbersIn(served);
        const placed = points.filter((p) => numbers.has(p.lon) && numbers.has(p.lat));
        assert.deepEqual(placed.slice(0, 3), [], "tickets' coordinates in the wall's figures");
      } finally {
        await db.close();
      }
    },
  );

  await t.step("when the server goes away the badge warns and the last figures stay; then it reconnects", async () => {
    await using opened = await openPage(browser, `${server.url}wall?scenes=backlog&refresh=1&stale=2`, HD);
    const { page } = opened;
    await waitReady(page);
    const badge = (state: string) => page.waitForSelector(`.wall-freshness${state}`, TIMEOUT);
    await badge('[data-online="true"][data-freshness="fresh"]');
    const figures = () => page.$eval('.wall-scene.is-active [data-metric="wall_open"]', (e) => e.textContent);
    const before = await figures();
    // Down for longer than the figures take to go stale: a server that starts from prebuilt bundles is back in a second.
    const restarted = server.restart(5_000);
    await badge('[data-online="false"]');
    assert.equal(await figures(), before, "the last good figures stay on screen");
    await badge('[data-freshness="stale"]');
    assert.match(await page.$eval(".wall-freshness", (e) => e.textContent ?? ""), /数据截至 .*已 1 分钟未更新/);
    await screenshot(page, "wall-stale-1920x1080");
    await restarted;
    const refreshes = Number(await wallData(page, "refreshes"));
    await badge('[data-online="true"][data-freshness="fresh"]');
    await waitWall(page, "refreshes", `Number(v) > ${refreshes}`);
    assert.equal(await figures(), before);
  });
});

/** Every number written in a JSON text, as a number (so 37.85 is not found inside 37.8524). */
function numbersIn(text: string): Set<number> {
  return new Set((text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number));
}
