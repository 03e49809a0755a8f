/**
 * The data-quality page on a store with tickets that cannot all be placed and compounds
 * given as points: its counts equal the builders' SQL on the same store, an unmatched
 * address is offered the compound it misspells, non-admins are refused, the overview shows
 * the same share, and the maps draw the point compounds.
 */
import assert from "node:assert/strict";
import type { Page } from "puppeteer-core";
import {
  nearestCompoundsSql,
  notesByImportSql,
  type SourceWord,
  sourceWordsSql,
  unplacedByReasonSql,
  unplacedShareSql,
  unrecognisedWords,
} from "../../lib/metrics/data_quality.ts";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { launchBrowser } from "./chromium.ts";
import { POINT_COMPOUNDS, qualityStore } from "./fixtures/quality_store.ts";
import { MAP_SELECTOR, openPage, screenshot, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];

const mapData = (page: Page, key: string) =>
  page.$eval(MAP_SELECTOR, (e, k) => (e as HTMLElement).dataset[k as string] ?? null, key);

Deno.test("data-quality page", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  const dir = await qualityStore();
  // Declared before the server, so removed after it has stopped.
  using _store = { [Symbol.dispose]: () => Deno.removeSync(dir, { recursive: true }) };
  const { db } = await openStoreDb(dir);
  const reasons = await db.query<{ reason: string; tickets: number }>(unplacedByReasonSql());
  const [share] = await db.query<{ share: number; unplaced: number }>(unplacedShareSql());
  const notes = await db.query<{ notes: number }>(notesByImportSql());
  const words = unrecognisedWords(await db.query<SourceWord>(sourceWordsSql()));
  const [nearestToQ07] = await db.query<{ name: string }>(
    `SELECT name FROM (${nearestCompoundsSql()}) WHERE ticket_id = 'Q07' ORDER BY metres, place_id LIMIT 1`,
  );
  await db.close();
  // What the fixture made: 5 addresses unmatched (one with coordinates emptied by a note), 1 outside every compound, 1 outside the district.
  assert.deepEqual(reasons.map((r) => [r.reason, r.tickets]), [
    ["address_not_matched", 4],
    ["outside_compounds", 1],
    ["outside_district", 1],
  ]);

  await using server = await startServer({ env: { LINLI_DATA: dir } });
  await using browser = await launchBrowser();

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    await t.step(`/data/quality at ${size}: the counts are the store's`, async () => {
      await using opened = await openPage(browser, `${server.url}data/quality`, viewport);
      const { page, errors, foreignRequests } = opened;
      try {
        await waitReady(page);
      } finally {
        await screenshot(page, `quality-${size}`);
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(foreignRequests(), []);
      const shown = await page.$$eval(
        "[data-reason] [data-metric]",
        (es) =>
          es.map((
            e,
          ) => [e.closest("[data-reason]")!.getAttribute("data-reason"), Number(e.getAttribute("data-value"))]),
      );
      assert.deepEqual(shown, reasons.map((r) => [r.reason, r.tickets]));
      assert.equal(
        Number(await page.$eval('[data-metric="unplaced_share"]', (e) => e.getAttribute("data-value"))),
        share.share,
      );

      // The list opens on the biggest reason: the addresses, with the compound each misspells first.
      const listed = await page.$$eval('[data-list="address_not_matched"] [data-ticket]', (rows) => rows.length);
      assert.equal(listed, reasons[0].tickets);
      const suggested = await page.$eval('[data-ticket="Q03"] [data-suggestions]', (e) => e.textContent ?? "");
      assert.equal(suggested.split("、")[0], "盛世雅居", suggested);
      assert.equal(await page.$eval('[data-ticket="Q05"] [data-suggestions]', (e) => e.textContent), "—");
      await page.click('[data-reason="outside_compounds"]');
      const nearest = await page.$eval('[data-ticket="Q07"] [data-suggestions]', (e) => e.textContent ?? "");
      assert.ok(nearest.startsWith(`${nearestToQ07.name}（`) && /（\d+ 米）、/.test(nearest), nearest);
      await page.click('[data-reason="outside_district"]');
      assert.deepEqual(
        await page.$$eval(
          '[data-list="outside_district"] [data-ticket]',
          (rows) => rows.map((r) => r.getAttribute("data-ticket")),
        ),
        ["Q06"],
      );

      const noteCounts = await page.$$eval(
        "[data-table=notes] [data-notes]",
        (rows) => rows.map((r) => Number(r.getAttribute("data-notes"))),
      );
      assert.deepEqual(noteCounts, notes.map((n) => n.notes));
      const wordRows = await page.$$eval(
        "[data-table=words] [data-word]",
        (rows) => rows.map((r) => [r.getAttribute("data-word"), Number(r.getAttribute("data-rows"))]),
      );
      assert.deepEqual(wordRows, words.map((w) => [`${w.field}:${w.word}`, w.rows]));
      // The fixture's words (the demo writes 已并单, which the table does not know either).
      for (const word of [["kind:其他", 1], ["status:网格员处理", 2], ["status:待审核", 1]]) {
        assert.ok(wordRows.some((w) => w[0] === word[0] && w[1] === word[1]), JSON.stringify(wordRows));
      }

      // Q07 (outside compounds) is drawn; Q06 (outside the district) is in the overlay but off the district's map.
      assert.equal(await mapData(page, "overlayFeatures"), "2");
      assert.deepEqual(JSON.parse((await mapData(page, "pointCompounds"))!), POINT_COMPOUNDS);
    });
  }

  await t.step(
    "the overview shows the same share, links the page for an admin and draws the point compounds",
    async () => {
      await using opened = await openPage(browser, server.url, VIEWPORTS[1]);
      const { page, errors } = opened;
      await waitReady(page);
      await screenshot(page, "quality-overview-1366x768");
      assert.deepEqual(errors, []);
      assert.equal(
        Number(await page.$eval('[data-metric="unplaced_share"]', (e) => e.getAttribute("data-value"))),
        share.share,
      );
      assert.equal(await page.$eval("a.figures-link", (e) => e.getAttribute("href")), "/data/quality");
      assert.deepEqual(JSON.parse((await mapData(page, "pointCompounds"))!), POINT_COMPOUNDS);
    },
  );

  await t.step(
    "the drill map draws the point compounds from its tiles, and a point compound's panel counts its ticket",
    async () => {
      await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[0]);
      const { page, errors } = opened;
      await waitReady(page);
      assert.deepEqual(errors, []);
      assert.deepEqual(JSON.parse((await mapData(page, "pointCompounds"))!), POINT_COMPOUNDS);

      // Q01's address named 银杏小区 (P01), stored as a point.
      await using panel = await openPage(browser, `${server.url}map?place=compound:P01`, VIEWPORTS[0]);
      await waitReady(panel.page);
      await panel.page.waitForFunction(
        () => document.querySelector('.drill-panel [data-metric="tickets"]')?.getAttribute("data-value") === "1",
        { timeout: 60_000 },
      );
      await screenshot(panel.page, "quality-point-compound-1920x1080");
      assert.match(await panel.page.$eval(".drill-panel h2", (e) => e.textContent ?? ""), /银杏小区/);
      assert.deepEqual(panel.errors, []);
    },
  );

  await t.step("other roles are refused the page, and the overview does not link it for them", async () => {
    for (const role of ["leader", "analyst", "street"] as const) {
      const session = await server.signIn(role);
      const res = await fetch(`${server.url}data/quality`, { headers: { cookie: `linli_session=${session}` } });
      await res.body?.cancel();
      assert.equal(res.status, 403, role);
      const overview = await (await fetch(server.url, { headers: { cookie: `linli_session=${session}` } })).text();
      assert.ok(!overview.includes("/data/quality"), role);
    }
  });
});
