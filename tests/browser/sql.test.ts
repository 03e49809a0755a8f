/**
 * The analysts' workbench as an analyst uses it: typing and running SQL, errors,
 * cancelling, exporting, bringing in a file, and sharing the query by URL.
 */
import assert from "node:assert/strict";
import { tableFromIPC } from "apache-arrow";
import type { Page } from "puppeteer-core";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { initParquetWasm, parquetToIpc } from "../../lib/export/parquet.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const VIEWPORT = { width: 1920, height: 1080 };

/** Replaces the editor's text by typing, as a person would (closing brackets are typed over). */
async function typeSql(page: Page, sql: string) {
  await page.click(".cm-content");
  await page.keyboard.down("Control");
  await page.keyboard.press("a");
  await page.keyboard.up("Control");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(sql);
  await page.keyboard.press("Escape");
  assert.equal(await page.$eval(".cm-content", (e) => e.textContent), sql);
}

async function runWithKeyboard(page: Page) {
  await page.keyboard.down("Control");
  await page.keyboard.press("Enter");
  await page.keyboard.up("Control");
}

async function waitIdle(page: Page) {
  await page.waitForFunction(() => !document.querySelector(".sql-meta")?.textContent?.includes("正在查询"), {
    timeout: 60_000,
  });
}

const rowsShown = (page: Page) =>
  page.$$eval(".grid-row", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));

Deno.test("the SQL workbench", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await using server = await startServer();
  await using browser = await launchBrowser();
  const downloads = await Deno.makeTempDir();
  await using opened = await openPage(browser, `${server.url}sql`, VIEWPORT);
  const { page, errors, foreignRequests } = opened;
  const cdp = await page.createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  await waitReady(page);
  await page.waitForSelector(".cm-content");

  await t.step("type a query, Ctrl+Enter, and see the right rows", async () => {
    await typeSql(page, "SELECT kind, count(*) AS n FROM tickets GROUP BY kind ORDER BY kind");
    await runWithKeyboard(page);
    await waitIdle(page);
    const store = await openStoreDb(new URL("../../data/demo", import.meta.url).pathname);
    const expected = await store.db.query("SELECT kind, count(*) AS n FROM tickets GROUP BY kind ORDER BY kind");
    await store.db.close();
    assert.deepEqual(await rowsShown(page), expected.map((r) => [String(r.kind), String(r.n)]));
    await screenshot(page, "sql-result-1920x1080");
  });

  await t.step("a wrong query shows DuckDB's error and moves the cursor to it", async () => {
    await typeSql(page, "SELECT count(*) FORM tickets");
    await runWithKeyboard(page);
    await waitIdle(page);
    const alert = await page.$eval("[role=alert]", (e) => e.textContent ?? "");
    assert.match(alert, /第 1 行第 22 列附近出错/);
    assert.match(alert, /syntax error at or near "tickets"/);
    const caret = await page.evaluate(() => getSelection()?.focusNode?.textContent?.slice(getSelection()!.focusOffset));
    assert.equal(caret, "tickets");
  });

  await t.step("cancel stops a long query", async () => {
    await typeSql(page, "SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b");
    await runWithKeyboard(page);
    await page.waitForFunction(() => document.querySelector(".sql-meta")?.textContent?.includes("正在查询"));
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    await page.click(".sql-actions button:nth-of-type(2)");
    await waitIdle(page);
    assert.ok(Date.now() - started < 10_000, `cancel took ${Date.now() - started} ms`);
    assert.match(await page.$eval("[role=alert]", (e) => e.textContent ?? ""), /查询已取消/);
  });

  await t.step("an exported CSV and Parquet file read back equal the result", async () => {
    const sql = "SELECT street_id, count(*) AS n FROM tickets GROUP BY street_id ORDER BY street_id";
    await typeSql(page, sql);
    await runWithKeyboard(page);
    await waitIdle(page);
    const shown = await rowsShown(page);
    for (const format of ["csv", "parquet"]) {
      await page.click(`[data-export=${format}]`);
      const file = `${downloads}/linli-query.${format}`;
      for (let i = 0; i < 100 && !(await exists(file)); i++) await new Promise((r) => setTimeout(r, 100));
      const bytes = await Deno.readFile(file);
      if (format === "csv") {
        const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trim().split("\n");
        assert.equal(lines[0], "street_id,n");
        assert.deepEqual(lines.slice(1).map((l) => l.split(",")), shown);
      } else {
        await initParquetWasm(
          await Deno.readFile(new URL("../../node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm", import.meta.url)),
        );
        const table = tableFromIPC(await parquetToIpc(bytes));
        const rows = table.toArray().map((r) => [String(r.street_id), String(r.n)]);
        assert.deepEqual(rows, shown);
      }
    }
  });

  await t.step("an uploaded CSV can be joined with tickets", async () => {
    const csv = `${downloads}/street_leads.csv`;
    await Deno.writeTextFile(csv, "street_id,lead\nS01,张主任\nS02,李主任\n");
    const input = await page.$(".file-button input");
    await input!.uploadFile(csv);
    await page.waitForFunction(() =>
      document.querySelector(".status-notice")?.textContent?.includes("upload_street_leads")
    );
    await typeSql(
      page,
      "SELECT l.lead, count(*) AS n FROM tickets t JOIN upload_street_leads l USING (street_id) GROUP BY l.lead ORDER BY l.lead",
    );
    await runWithKeyboard(page);
    await waitIdle(page);
    const rows = await rowsShown(page);
    assert.deepEqual(rows.map((r) => r[0]), ["张主任", "李主任"]);
    assert.ok(rows.every((r) => Number(r[1]) > 0));
  });

  await t.step("the result is charted by month and mapped by building", async () => {
    const sql = "SELECT building_id, date_trunc('month', min(created_at)) AS first_month, count(*) AS n " +
      "FROM tickets WHERE building_id IS NOT NULL GROUP BY building_id ORDER BY n DESC LIMIT 10";
    await typeSql(page, sql);
    await runWithKeyboard(page);
    await waitIdle(page);
    const [, chartTab, mapTab] = await page.$$(".tabs [role=tab]");
    await chartTab.click();
    await page.waitForSelector(".sql-chart svg", { timeout: 30_000 });
    await mapTab.click();
    await page.waitForSelector(".sql-map[data-map-ready=true]", { timeout: 60_000 });
    await screenshot(page, "sql-map-1920x1080");
    const features = await page.$eval(".sql-map", (e) => e.getAttribute("data-overlay-features"));
    assert.equal(features, "10");
  });

  await t.step("the URL round-trips the query", async () => {
    const sql = "SELECT 'URL 往返' AS label, 42 AS answer";
    await typeSql(page, sql);
    await runWithKeyboard(page);
    await waitIdle(page);
    const url = page.url();
    assert.equal(new URL(url).searchParams.get("q"), sql);
    await using other = await openPage(browser, url, VIEWPORT);
    await waitReady(other.page);
    assert.deepEqual(await rowsShown(other.page), [["URL 往返", "42"]]);
  });

  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(), []);
});

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).size > 0;
  } catch {
    return false;
  }
}
