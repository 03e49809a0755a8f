/**
 * The web import as an admin uses it: a real XLSX (NYC 311 requests, one header renamed so
 * the page cannot recognise it) chosen, its column mapped by hand and the mapping saved by
 * name, the import's progress seen, its summary the command line's for the same file and
 * mapping; the previous version restored; and no page or link for another role.
 */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { importFile } from "../../cli/import.ts";
import { readCsv } from "../../lib/import/csv.ts";
import { importIntoStore } from "../../lib/store/import_into_store.ts";
import { mappingPath } from "../../lib/store/import_mappings.ts";
import { readManifest } from "../../lib/store/store.ts";
import { SESSION_COOKIE } from "../../lib/access/request.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot } from "./page.ts";
import { startServer } from "./server.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);
/** The header the page is to be told about: NYC's "Complaint Type", renamed. */
const RENAMED = "投诉大类";
const MAPPING = "纽约月报";

/** The real NYC 311 sample as a workbook, "Complaint Type" renamed so no header names the category. */
async function nycWorkbook(path: string): Promise<void> {
  const csv = readCsv("nyc.csv", await Deno.readFile(new URL("real/tickets/nyc311_2022-05-01_sample.csv", FIXTURES)));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("工单");
  sheet.addRow(csv.headers.map((h) => h === "Complaint Type" ? RENAMED : h));
  for (const row of csv.rows) sheet.addRow(row.cells);
  await Deno.writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function storeWithCompounds(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "linli-data-import-" });
  const bytes = await Deno.readFile(new URL("import/compounds.geojson", FIXTURES));
  await importIntoStore(dir, "places", "compounds.geojson", bytes, { level: "compound", by: "test" });
  return dir;
}

const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];

Deno.test("the web import", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  const dir = await storeWithCompounds();
  const cliStore = await Deno.makeTempDir({ prefix: "linli-data-import-cli-" });
  await new Deno.Command("cp", { args: ["-a", `${dir}/.`, cliStore] }).output();
  const xlsx = `${await Deno.makeTempDir()}/nyc311_2022-05.xlsx`;
  await nycWorkbook(xlsx);
  await using server = await startServer({ env: { LINLI_DATA: dir } });
  await using browser = await launchBrowser();
  await using opened = await openPage(browser, `${server.url}data`, VIEWPORTS[0]);
  const { page } = opened;
  const before = (await readManifest(dir))!.version;

  await t.step("a workbook chosen shows its first rows and the field each column was matched to", async () => {
    const input = await page.waitForSelector("input[type=file]");
    await input!.uploadFile(xlsx);
    await page.waitForSelector("[data-table=preview]", { timeout: 180_000 });
    const column = (h: string) => page.$eval(`select[data-column="${h}"]`, (s) => (s as HTMLSelectElement).value);
    assert.equal(await column("Unique Key"), "ticket_id");
    assert.equal(await column("Created Date"), "created_at");
    assert.equal(await column(RENAMED), "", "a header no table names is read as nothing");
    assert.match(await page.$eval(".data-import", (e) => e.textContent ?? ""), /共 924 行/);
    assert.ok(
      await page.$eval(".import-phases li:first-child", (li) => li.dataset.state === "current"),
      "the upload was the phase under way",
    );
  });

  await t.step("the column is mapped by hand and the mapping saved by name", async () => {
    await page.select(`select[data-column="${RENAMED}"]`, "category");
    await page.type("input[name=mapping-name]", MAPPING);
    await page.click("[data-action=save-mapping]");
    await page.waitForFunction(
      (name) => document.querySelector(".import-message")?.textContent?.includes(name),
      {},
      MAPPING,
    );
    const saved = JSON.parse(await Deno.readTextFile(mappingPath(dir, "tickets", MAPPING)));
    assert.equal(saved.category, RENAMED);
    const options = await page.$$eval("select[name=mapping] option", (os) => os.map((o) => o.textContent));
    assert.ok(options.includes(MAPPING), options.join(" | "));
    for (const viewport of VIEWPORTS) {
      await page.setViewport(viewport);
      await screenshot(page, `data-import-preview-${viewport.width}x${viewport.height}`);
    }
  });

  let summary = "";
  await t.step("the import shows its progress and ends with the command line's summary", async () => {
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { phasesSeen: string[] }).phasesSeen = seen;
      const record = () => {
        const p = document.querySelector(".import-progress") as HTMLElement | null;
        const phase = p && `${p.dataset.phase}${p.dataset.done === "true" ? ":done" : ""}`;
        if (phase && seen.at(-1) !== phase) seen.push(phase);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    await page.click("[data-action=start]");
    await page.waitForSelector("[data-summary]", { timeout: 120_000 });
    summary = await page.$eval("[data-summary]", (e) => e.textContent ?? "");
    const seen = await page.evaluate(() => (globalThis as unknown as { phasesSeen: string[] }).phasesSeen);
    assert.equal(seen.at(-1), "write:done", seen.join(" → "));
    assert.ok(seen.length >= 2, `the bar moved on through the import: ${seen.join(" → ")}`);
    assert.equal(
      await page.$eval(".import-progress-bar", (b) => b.getAttribute("aria-valuenow")),
      "100",
    );

    const cli = await importFile(cliStore, "tickets", xlsx, { mapFile: mappingPath(dir, "tickets", MAPPING) });
    assert.equal(summary, cli.history.line);
    assert.match(summary, /^read 924, stored \d+ \(new \d+, /);
    const unrecognised = await page.$$eval("[data-unrecognised]", (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(unrecognised, cli.outcome.summary.unrecognised);
    const history = await page.$eval("[data-table=history] tbody tr", (tr) => tr.textContent ?? "");
    assert.match(history, /nyc311_2022-05\.xlsx/);
    assert.ok(history.includes(summary));
    const unassigned = await page.$eval("[data-list=unassigned]", (a) => (a as HTMLAnchorElement).href);
    const res = await server.fetch(unassigned);
    assert.equal(res.headers.get("cache-control"), "private, no-store");
    assert.equal((await res.text()).trim().split("\n").length, cli.outcome.summary.unassigned);
    for (const viewport of VIEWPORTS) {
      await page.setViewport(viewport);
      await screenshot(page, `data-import-done-${viewport.width}x${viewport.height}`);
    }
  });

  await t.step("the previous version is restored as a new one", async () => {
    const imported = (await readManifest(dir))!.version;
    await page.click("[data-action=restore]");
    await page.click("[data-action=restore-confirm]");
    await page.waitForFunction(() => document.querySelector(".import-message")?.textContent?.includes("已恢复"), {
      timeout: 60_000,
    });
    const now = (await readManifest(dir))!;
    assert.notEqual(now.version, imported);
    assert.notEqual(now.version, before);
    assert.equal(now.tables.tickets.rows, 0, "the tickets are as before the import");
    const first = await page.$eval("[data-table=history] tbody tr", (tr) => tr.dataset.action);
    assert.equal(first, "restore");
    assert.equal(await page.$("[data-action=start]"), null, "the file imported is not offered again");
    assert.ok(await page.$("input[type=file]"), "another file can be chosen");
    await page.setViewport(VIEWPORTS[1]);
    await screenshot(page, "data-import-restored-1366x768");
  });

  await t.step("next month's file, with the saved mapping chosen, comes matched as it was saved", async () => {
    assert.equal(await page.$eval("select[name=mapping]", (s) => (s as HTMLSelectElement).value), MAPPING);
    const input = await page.waitForSelector("input[type=file]");
    await input!.uploadFile(xlsx);
    await page.waitForSelector("[data-table=preview]", { timeout: 120_000 });
    const category = await page.$eval(`select[data-column="${RENAMED}"]`, (s) => (s as HTMLSelectElement).value);
    assert.equal(category, "category");
  });

  await t.step("the page in English", async () => {
    await using english = await openPage(browser, `${server.url}data?lang=en`, VIEWPORTS[1]);
    assert.match(await english.page.$eval("main", (m) => m.textContent ?? ""), /Import history/);
    await english.page.waitForNetworkIdle({ idleTime: 300 });
    const asked = english.requests.filter((r) => new URL(r).pathname === "/api/admin/import/mappings");
    assert.deepEqual(asked, [], "the saved mappings come with the page, not asked for again");
    const options = await english.page.$$eval("select[name=mapping] option", (os) => os.map((o) => o.textContent));
    assert.ok(options.includes(MAPPING), `the saved mapping is offered: ${options}`);
    await screenshot(english.page, "data-import-en-1366x768");
  });

  await t.step("another role gets 403 and no link to the page", async () => {
    const leader = await server.signIn("leader");
    const headers = { cookie: `${SESSION_COOKIE}=${leader}` };
    const res = await fetch(`${server.url}data`, { headers });
    assert.equal(res.status, 403);
    await res.body?.cancel();
    const admin = await (await server.fetch(`${server.url}admin`)).text();
    assert.match(admin, /href="\/data"/);
    const page = await (await fetch(server.url, { headers })).text();
    assert.doesNotMatch(page, /href="\/data"/);
  });
  assert.deepEqual(opened.foreignRequests(), []);
  assert.deepEqual(opened.errors, []);
  await Deno.remove(cliStore, { recursive: true });
});
