/**
 * The street officials' map in headless Chromium: drilling from the district down to a
 * building and back (the breadcrumb and the browser's back button), the URL restoring
 * the same figures in a fresh browser context, a filter change and a drawn area agreeing
 * with a direct SQL count on the store, and nothing requested from another host.
 */
import assert from "node:assert/strict";
import type { Page } from "puppeteer-core";
import { type CompoundPoint, compoundsInArea } from "../../lib/drill/area.ts";
import { DRILL_LEVELS } from "../../lib/drill/path.ts";
import { decodeState, resolveRange, stateFilter, withPlace } from "../../lib/drill/state.ts";
import { filterSql } from "../../lib/metrics/filter.ts";
import { dataDir } from "../../lib/config.ts";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];
const SETTLE_MS = 60_000;

/** Waits until the page shows `place` and has no query in flight. */
async function settled(page: Page, place: string) {
  await page.waitForSelector(`.drill[data-busy="false"][data-place="${place}"]`, { timeout: SETTLE_MS });
}

async function figures(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval(
    ".drill [data-metric]",
    (elements) => elements.map((e) => [e.getAttribute("data-metric")!, e.getAttribute("data-value")!]),
  );
  return Object.fromEntries(pairs);
}

/** Screenshots the page at both sizes, the map refitting in between. */
async function shoot(page: Page, level: string) {
  for (const viewport of VIEWPORTS.toReversed()) {
    await page.setViewport(viewport);
    await new Promise((r) => setTimeout(r, 600));
    await screenshot(page, `map-${level}-${viewport.width}x${viewport.height}`);
  }
}

const currentPlace = (page: Page) => page.$eval(".drill", (e) => e.getAttribute("data-place")!);

/** The tickets a page's URL selects, counted on the store itself; a drawn area's compounds found from `places`. */
async function storeCount(url: string): Promise<{ tickets: number; compounds: string[] | null }> {
  const { db } = await openStoreDb(dataDir());
  try {
    const state = decodeState(new URL(url).search);
    const newest = await db.query<{ day: string }>(
      "SELECT CAST(CAST(max(created_at) + INTERVAL 8 HOUR AS DATE) AS VARCHAR) AS day FROM tickets",
    );
    const points = await db.query<CompoundPoint>(
      "SELECT place_id AS id, lon, lat FROM places WHERE level = 'compound'",
    );
    const compounds = state.area && compoundsInArea(state.area, points);
    const filter = withPlace(stateFilter(state, resolveRange(state, newest[0].day)), state.place, compounds);
    const [here] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ticket_facts WHERE ${filterSql(filter)}`);
    return { tickets: Number(here.n), compounds };
  } finally {
    await db.close();
  }
}

Deno.test("the drill-down map", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await using server = await startServer();
  await using browser = await launchBrowser();
  const path: string[] = [];

  await t.step("drills from the district to a building and climbs back with the browser's back button", async () => {
    await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[0]);
    const { page } = opened;
    await waitReady(page);
    await settled(page, "district");
    await shoot(page, "district");
    path.push("district");
    for (const level of DRILL_LEVELS.slice(1)) {
      const target = await page.$eval(`[data-pick^="${level}:"]`, (e) => e.getAttribute("data-pick")!);
      await page.click(`[data-pick="${target}"]`);
      await settled(page, target);
      const crumbs = await page.$$eval(".breadcrumb > span", (e) => e.length);
      assert.equal(crumbs, DRILL_LEVELS.indexOf(level) + 1, `breadcrumb at ${target}`);
      await shoot(page, level);
      path.push(target);
    }
    const reporters = await page.$$eval(".ticket-list tbody td:last-child", (cells) => cells.map((c) => c.textContent));
    for (const text of reporters) assert.doesNotMatch(text ?? "", /\d{7,}/, `an unmasked phone: ${text}`);

    for (const expected of path.toReversed().slice(1)) {
      await page.goBack();
      await settled(page, expected);
      assert.equal(await currentPlace(page), expected);
    }
    // The breadcrumb leads back up as well.
    await page.goForward();
    await settled(page, path[1]);
    await page.click('[data-crumb="district"]');
    await settled(page, "district");
    assert.deepEqual(opened.errors, []);
    assert.deepEqual(opened.foreignRequests(), []);
  });

  await t.step("a filter change gives the store's own count, and the URL restores the same figures", async () => {
    const compound = path[3];
    await using opened = await openPage(browser, `${server.url}map?place=${compound}`, VIEWPORTS[0]);
    const { page } = opened;
    await waitReady(page);
    await settled(page, compound);
    await page.click('.choices.compact [data-choice="open"]');
    await page.waitForFunction(() => location.search.includes("status="));
    await settled(page, compound);
    const shown = await figures(page);
    const url = page.url();

    const here = await storeCount(url);
    assert.equal(Number(shown.filtered_tickets), here.tickets);
    assert.equal(Number(shown.tickets), here.tickets);
    assert.ok(here.tickets > 0, "the compound has closed tickets in the range");

    await using context = await browser.createBrowserContext();
    // In English and at the smaller size: the figures are the same numbers.
    await using again = await openPage(context, `${url}&lang=en`, VIEWPORTS[1]);
    await waitReady(again.page);
    await settled(again.page, compound);
    assert.deepEqual(await figures(again.page), shown);
    assert.match(await again.page.$eval(".drill-panel", (e) => e.textContent ?? ""), /Organisation coverage/);
    await screenshot(again.page, "map-compound-filtered-en-1366x768");
    assert.deepEqual([...opened.errors, ...again.errors], []);
    assert.deepEqual([...opened.foreignRequests(), ...again.foreignRequests()], []);
  });

  await t.step("a drawn area filters by its compounds, agrees with the store and survives its URL", async () => {
    await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[0]);
    const { page } = opened;
    await waitReady(page);
    await settled(page, "district");
    await page.click('[data-action="draw-area"]');
    assert.equal(await page.$eval('[data-action="draw-area"]', (e) => e.getAttribute("aria-pressed")), "true");
    const box = (await (await page.$(".drill-map"))!.boundingBox())!;
    const [x, y, r] = [box.x + box.width / 2, box.y + box.height / 2, Math.min(box.width, box.height) / 5];
    for (const [dx, dy] of [[-1, -1], [1, -1], [1.2, 0.8], [-0.8, 1]]) await page.mouse.click(x + dx * r, y + dy * r);
    await screenshot(page, "map-area-drawing-1920x1080");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.search.includes("area="));
    await page.waitForSelector('.drill[data-busy="false"][data-place="district"][data-area-compounds]', {
      timeout: SETTLE_MS,
    });
    const shown = await figures(page);
    const url = page.url();
    const here = await storeCount(url);
    assert.ok(here.compounds && here.compounds.length > 0, "the area takes in compounds");
    const count = await page.$eval(".drill", (e) => Number(e.getAttribute("data-area-compounds")));
    assert.equal(count, here.compounds.length);
    assert.equal(Number(shown.filtered_tickets), here.tickets);
    assert.equal(Number(shown.tickets), here.tickets);
    assert.equal(await page.$eval(".drill-panel h2", (e) => e.textContent), `所选区域（${count}个小区）`);
    await shoot(page, "area");

    await using context = await browser.createBrowserContext();
    await using again = await openPage(context, url, VIEWPORTS[1]);
    await waitReady(again.page);
    await settled(again.page, "district");
    assert.deepEqual(await figures(again.page), shown);
    await screenshot(again.page, "map-area-restored-1366x768");

    // Draw mode is off again: a click on the map drills, and picking a place clears the area.
    await page.mouse.click(x, y);
    await page.waitForFunction(() => !location.search.includes("area="));
    const street = await currentPlace(page);
    assert.match(street, /^street:/);
    await settled(page, street);
    assert.deepEqual([...opened.errors, ...again.errors], []);
    assert.deepEqual([...opened.foreignRequests(), ...again.foreignRequests()], []);
  });
});
