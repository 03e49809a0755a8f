/**
 * The drill map's alerts layer in headless Chromium, on a small demo district with a planted
 * surge (a compound's parking tickets, five extra a day over its last four days):
 * the layer switched on from its toggle rings as many places as the store's alerts say, and
 * the planted compound's panel lists its surge with the counts the store computes and a chart
 * of its eight weeks; screenshots of the district and the compound at 1920×1080 and 1366×768.
 */
import assert from "node:assert/strict";
import type { Page } from "puppeteer-core";
import { ALERTS_LIST_SQL, summariseAlerts } from "../../lib/alerts/present.ts";
import { CHART_DAYS } from "../../lib/alerts/series_chart.ts";
import { ROOT } from "../../lib/config.ts";
import type { PlantPlan } from "../../lib/demo/planted.ts";
import { alertCounts } from "../../lib/drill/alerts.ts";
import { BUILDINGS_SQL, PLACES_SQL } from "../../lib/drill/district_sql.ts";
import { type BuildingRow, placeIndex, type PlaceInfo, type PlaceRow } from "../../lib/drill/path.ts";
import { ensureDemoStore } from "../../lib/store/demo_store.ts";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot } from "./page.ts";
import { startServer } from "./server.ts";

const STORE = `${ROOT}/data/stores/map-alerts-test`;
const COMPOUND = "S02C03X12";
const CATEGORY = "停车";
const PLAN: PlantPlan = {
  surges: [{ level: "compound", placeId: COMPOUND, category: CATEGORY, onset: "2026-11-12", days: 4, perDay: 5 }],
};
const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];
const SETTLE_MS = 180_000;

/** The store's own answer: the surge lines of the planted compound, and how many places of each level are ringed. */
async function storeAlerts() {
  const { db } = await openStoreDb(STORE);
  try {
    const rows = await db.query(ALERTS_LIST_SQL);
    const index = placeIndex(await db.query<PlaceRow>(PLACES_SQL), await db.query<BuildingRow>(BUILDINGS_SQL));
    const ringed = (level: PlaceInfo["level"]) => alertCounts(rows, index, level).size;
    return {
      surges: summariseAlerts(rows).surges.filter((s) => s.level === "compound" && s.placeId === COMPOUND),
      streets: ringed("street"),
      buildings: ringed("building"),
    };
  } finally {
    await db.close();
  }
}

const ringedPlaces = (page: Page) =>
  page.waitForSelector(`.drill[data-busy="false"][data-alert-places]`, { timeout: SETTLE_MS })
    .then(() => page.$eval(".drill", (e) => Number(e.getAttribute("data-alert-places"))));

Deno.test({
  name: "map: the alerts layer rings places with alerts, and a surging compound's panel charts its series",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await ensureDemoStore(STORE, { tickets: 30_000, plan: PLAN });
    const expected = await storeAlerts();
    const planted = expected.surges.find((s) => s.category === CATEGORY);
    assert.ok(planted, "the store itself alerts on the planted surge");
    assert.ok(expected.streets > 0);
    await using server = await startServer({ env: { LINLI_DATA: STORE }, timeoutMs: 300_000 });
    await using browser = await launchBrowser();
    for (const viewport of VIEWPORTS) {
      await using opened = await openPage(browser, `${server.url}map`, viewport);
      const { page, errors } = opened;
      await page.waitForSelector(`.drill[data-busy="false"]`, { timeout: SETTLE_MS });
      assert.equal(await page.$(".drill[data-alert-places]"), null, "no alert is computed before it is asked for");
      assert.equal(await page.$eval(".panel-alerts", (e) => e.getAttribute("data-state")), "off");
      await page.click(".map-controls input[name='alerts']");
      assert.equal(await ringedPlaces(page), expected.streets, "the district's streets with alerts are ringed");
      assert.equal(await page.$$eval(".alert-rings li", (l) => l.length), 3);
      await page.waitForFunction(() => new URLSearchParams(location.search).get("alerts") === "1");
      await new Promise((r) => setTimeout(r, 800));
      await screenshot(page, `map-alerts-district-${viewport.width}x${viewport.height}`);

      await page.goto(`${server.url}map?place=compound:${COMPOUND}&alerts=1`);
      assert.equal(await ringedPlaces(page), expected.buildings, "in a compound, buildings with alerts are ringed");
      await page.waitForSelector(".panel-alerts[data-state='ready']", { timeout: SETTLE_MS });
      const surge = `.alert-surges li[data-category="${CATEGORY}"]`;
      await page.waitForSelector(`${surge} .surge-chart svg`, { timeout: SETTLE_MS }).catch((e) => {
        throw new Error(`${e.message}; page errors: ${errors.join(" | ")}`);
      });
      const categories = await page.$$eval(".alert-surges li", (l) => l.map((e) => e.getAttribute("data-category")));
      assert.deepEqual(categories, expected.surges.map((s) => s.category ?? ""));
      const against = await page.$eval(`${surge} .alert-against`, (e) => e.textContent ?? "");
      assert.ok(against.startsWith(`${planted.observed} 件 · 预期 ${Math.round(planted.expected * 10) / 10}`), against);
      assert.equal(await page.$eval(`${surge} .surge-chart`, (e) => Number(e.getAttribute("data-days"))), CHART_DAYS);
      // Observed, expected and the band each drawn.
      assert.ok(await page.$eval(`${surge} .surge-chart svg`, (s) => s.querySelectorAll("path").length >= 3));
      await new Promise((r) => setTimeout(r, 800));
      await screenshot(page, `map-alerts-compound-${viewport.width}x${viewport.height}`);
      assert.deepEqual(errors, []);
    }
  },
});
