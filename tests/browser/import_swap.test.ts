/**
 * An open `/map` across an import: the page keeps drawing the district from the old
 * version's tiles (served for the grace period after the swap), says 数据已更新, then
 * reloads onto the new version's data and tiles; no tile request answers 404 meanwhile.
 */
import assert from "node:assert/strict";
import type { HTTPResponse, Page } from "puppeteer-core";
import { ROOT } from "../../lib/config.ts";
import { ensureDemoStore } from "../../lib/store/demo_store.ts";
import { readManifest } from "../../lib/store/store.ts";
import { launchBrowser } from "./chromium.ts";
import { MAP_SELECTOR, markDocument, newDocumentLoaded, openPage, save, screenshot, waitReady } from "./page.ts";
import { decodeImage, differsClearly, parseHexColor } from "./pixels.ts";
import { REPO_ROOT, startServer } from "./server.ts";

const HD = { width: 1920, height: 1080 };
/** The test imports into it, so it is rebuilt at the next run (its source no longer matches). */
const STORE = `${ROOT}/data/stores/swap-test`;
const STORE_TICKETS = 3_000;
const TICKETS_CSV = new URL("../fixtures/import/tickets.csv", import.meta.url);
/** DataUpdated polls /api/health every minute, then leaves the notice up for 8 s before reloading. */
const NOTICE_TIMEOUT_MS = 100_000;
const SETTLE_MS = 60_000;
const TILE = /\/api\/tiles\/([\w-]+)\/\d+\/\d+\/\d+\.pbf$/;

/** Waits until the drill page shows `place` with no query in flight. */
const settled = (page: Page, place: string) =>
  page.waitForSelector(`.drill[data-busy="false"][data-place="${place}"]`, { timeout: SETTLE_MS });

/** What an operator runs: `deno task import tickets FILE --data STORE`, with the task's own permissions. */
async function importTickets(): Promise<void> {
  const tasks = JSON.parse(await Deno.readTextFile(new URL("deno.json", REPO_ROOT))).tasks;
  const [, ...args] = (tasks.import.command as string).split(" ");
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [...args, "tickets", TICKETS_CSV.pathname, "--data", STORE],
    cwd: REPO_ROOT,
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
}

/** The share of the map's pixels that differ clearly from its background: a blank map has next to none. */
async function drawnShare(page: Page, name: string): Promise<number> {
  const map = (await page.$(MAP_SELECTOR))!;
  const background = parseHexColor((await map.evaluate((e) => e.getAttribute("data-background")))!);
  // Not beyond the viewport, which would resize the page and blank the map's canvas for the capture.
  const png = await map.screenshot({ type: "png", captureBeyondViewport: false });
  await save(png, name);
  const image = decodeImage(png);
  let drawn = 0, all = 0;
  for (let y = 0; y < image.height; y += 8) {
    for (let x = 0; x < image.width; x += 8, all++) if (differsClearly(image.pixel(x, y)!, background)) drawn++;
  }
  return drawn / all;
}

Deno.test("an open map across an import", { sanitizeResources: false, sanitizeOps: false }, async () => {
  await ensureDemoStore(STORE, { tickets: STORE_TICKETS });
  const before = (await readManifest(STORE))!.version;
  await using server = await startServer({ env: { LINLI_DATA: STORE } });
  await using browser = await launchBrowser();
  await using opened = await openPage(browser, `${server.url}map`, HD);
  const { page, errors, foreignRequests } = opened;
  const tiles: { version: string; status: number }[] = [];
  const manifests: Promise<string>[] = [];
  page.on("response", (res: HTTPResponse) => {
    const tile = TILE.exec(res.url());
    if (tile) tiles.push({ version: tile[1], status: res.status() });
    if (res.url().endsWith("/api/data/manifest.json")) manifests.push(res.json().then((m) => m.version));
  });
  await waitReady(page);
  await settled(page, "district");
  assert.deepEqual(await Promise.all(manifests), [before]);
  assert.ok(tiles.length > 0 && tiles.every((t) => t.version === before), "the map drew the store's tiles");

  await importTickets();
  const after = (await readManifest(STORE))!.version;
  assert.notEqual(after, before, "the import wrote a new version");

  // Drilling into a street after the swap asks for tiles at new zooms, still of the version the page has.
  const fromSwap = tiles.length;
  const street = await page.$eval('[data-pick^="street:"]', (e) => e.getAttribute("data-pick")!);
  await page.click(`[data-pick="${street}"]`);
  await settled(page, street);
  await page.waitForFunction(() => new URLSearchParams(location.search).has("view"), { timeout: SETTLE_MS });
  const old = tiles.slice(fromSwap);
  assert.ok(old.length > 0, "the drill asked for tiles");
  assert.ok(old.every((t) => t.version === before), "of the version the page was opened on");
  assert.ok(await drawnShare(page, "map-swap-old-version-1920x1080") > 0.2, "the map still shows the street");

  await markDocument(page);
  // The reloaded page's tiles are those answered after its document was asked for: counted from
  // there, not from when the test notices the reload, by which time they may all be in.
  let fromReload: number | undefined;
  page.on("request", (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) fromReload ??= tiles.length;
  });
  const notice = await page.waitForSelector(".data-updated", { timeout: NOTICE_TIMEOUT_MS });
  assert.match(await notice!.evaluate((e) => e.textContent ?? ""), /数据已更新/);
  await screenshot(page, "map-swap-notice-1920x1080");

  await newDocumentLoaded(page, SETTLE_MS);
  await waitReady(page);
  await settled(page, street);
  assert.equal(await manifests.at(-1), after, "the reloaded page took in the new version's data");
  const fresh = tiles.slice(fromReload);
  assert.ok(fresh.length > 0 && fresh.every((t) => t.version === after), "the reloaded page draws the new tiles");
  assert.ok(await drawnShare(page, "map-swap-new-version-1920x1080") > 0.2, "the reloaded map shows the street");

  assert.deepEqual(tiles.filter((t) => t.status === 404), [], "no tile answered 404");
  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(), []);
});
