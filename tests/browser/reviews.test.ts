/**
 * The review pages in headless Chromium on a copy of the demo store: their figures equal
 * direct SQL over ticket_facts, the worklist's XLSX export holds the page's rows, the
 * print layout on A4 is screenshotted to be looked at, and a frozen review keeps its
 * numbers after an import changes the store.
 */
import assert from "node:assert/strict";
import type { Page } from "puppeteer-core";
import { importFile } from "../../cli/import.ts";
import { fromXlsx } from "../../lib/export/xlsx.ts";
import { monthAlertsSql } from "../../lib/alerts/review.ts";
import { ensureDemoStore } from "../../lib/store/demo_store.ts";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const DEMO = new URL("../../data/demo", import.meta.url).pathname;
const HAN = /\p{Script=Han}/u;
/** A4 at 96 dpi. */
const A4 = { width: 794, height: 1123 };

/** A copy of the demo store whose files are hard links: an import writes a new version beside them. */
async function copyOfDemo(): Promise<string> {
  await ensureDemoStore(DEMO);
  const dir = await Deno.makeTempDir({ prefix: "linli-reviews-" });
  const cp = await new Deno.Command("cp", { args: ["-al", `${DEMO}/.`, dir] }).output();
  assert.ok(cp.success, new TextDecoder().decode(cp.stderr));
  return dir;
}

/** Each place row's cells of a table: place id → column key → data-value. */
const tableValues = (page: Page, table: string) =>
  page.$$eval(`[data-table="${table}"] tbody tr`, (rows) =>
    rows.map((row) => ({
      place: row.getAttribute("data-place"),
      cells: Object.fromEntries(
        [...row.querySelectorAll("td[data-key]")].map((
          td,
        ) => [td.getAttribute("data-key"), td.getAttribute("data-value")]),
      ),
    })));

const figures = (page: Page) =>
  page.$$eval(
    "[data-metric]",
    (els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-metric"), e.getAttribute("data-value")])),
  );

/** The November 2026 round's items: handled tickets closed in local October. */
const ROUND_ITEMS =
  "NOT merged AND status = 'closed' AND closed_date >= DATE '2026-10-01' AND closed_date < DATE '2026-11-01'";

const close = (a: unknown, b: unknown) => Math.abs(Number(a) - Number(b)) < 1e-9;

Deno.test("reviews", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  const dir = await copyOfDemo();
  await using server = await startServer({ env: { LINLI_DATA: dir } });
  await using browser = await launchBrowser();
  // Loaded while the browser computes the same figures.
  const opening = openStoreDb(dir);
  const downloads = await Deno.makeTempDir();

  await t.step("latest redirects to a period, keeping the place", async () => {
    const response = await server.fetch(`${server.url}reviews/quarter/latest?place=street:S01`, { redirect: "manual" });
    await response.body?.cancel();
    assert.equal(response.status, 302);
    assert.equal(response.headers.get("location"), "/reviews/quarter/2026-Q3?place=street:S01");
    const bad = await server.fetch(`${server.url}reviews/month/2026-13`);
    assert.equal(bad.status, 404);
    assert.match(await bad.text(), HAN);
  });

  await t.step("monthly callbacks: figures equal SQL, worklist exports to XLSX, prints on A4", async () => {
    await using opened = await openPage(browser, `${server.url}reviews/month/2026-11`, { width: 1920, height: 1080 });
    const { page, errors, foreignRequests } = opened;
    const cdp = await page.createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
    try {
      await waitReady(page);
    } finally {
      await screenshot(page, "reviews-month-1920x1080");
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests(), []);

    const store = await opening;
    const expected = await store.db.query(`SELECT street_id, count(*) AS closed,
      count(*) FILTER (WHERE callbacks > 0) AS called_back,
      count(*) FILTER (WHERE unsatisfied_callback) AS unsatisfied,
      count(*) FILTER (WHERE published_within_rule) AS in_time, count(published_within_rule) AS decided,
      count(*) FILTER (WHERE publication_overdue) AS overdue
      FROM ticket_facts
      WHERE ${ROUND_ITEMS}
      GROUP BY street_id ORDER BY street_id`);
    const shown = await tableValues(page, "round_streets");
    assert.deepEqual(
      shown.map((r) => [r.place, Number(r.cells.closed), Number(r.cells.called_back), Number(r.cells.pending)]),
      expected.map((e) => [e.street_id, e.closed, e.called_back, Number(e.closed) - Number(e.called_back)]),
    );
    const shownFigures = await figures(page);
    assert.equal(Number(shownFigures.closed), expected.reduce((s, e) => s + Number(e.closed), 0));
    assert.equal(Number(shownFigures.unsatisfied), expected.reduce((s, e) => s + Number(e.unsatisfied), 0));

    const total = Number(await page.$eval('[data-table="worklist"]', (e) => e.getAttribute("data-total")));
    assert.equal(total, Number(shownFigures.pending));
    const pageRows = await page.$$eval(
      '[data-table="worklist"] tbody tr',
      (rows) => rows.map((row) => [...row.querySelectorAll("td[data-key]")].map((td) => td.getAttribute("data-value"))),
    );
    const phones = await page.$$eval(
      '[data-table="worklist"] td[data-key="reporter_phone"]',
      (tds) => tds.map((td) => td.getAttribute("data-value")),
    );
    // The harness acts as an admin (LINLI_ACCESS_UNENFORCED), who sees phones as stored; masked roles' data is
    // masked by the server (tests/lib/privacy/builders.test.ts runs this worklist over a masked scope).
    assert.ok(phones.length > 0 && phones.every((p) => p === "" || /^1\d{10}$/.test(p ?? "")), "phones as stored");
    await page.click('[data-table="worklist"] [data-export="xlsx"]');
    const file = `${downloads}/linli-month-2026-11-worklist.xlsx`;
    for (let i = 0; i < 100; i++) {
      if (await Deno.stat(file).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const sheet = await fromXlsx(await Deno.readFile(file));
    assert.equal(sheet.rows.length, total);
    assert.equal(sheet.columns[0], "工单编号");
    assert.deepEqual(
      sheet.rows.slice(0, pageRows.length).map((r) => sheet.columns.map((c) => String(r[c] ?? ""))),
      pageRows,
    );

    // Publication within 7 days of the round's items, per street, equals SQL; the overdue list adds up.
    const publication = expected;
    const shownPublication = await tableValues(page, "publication_streets");
    assert.deepEqual(
      shownPublication.map((r) => [r.place, Number(r.cells.published_in_time), Number(r.cells.publication_overdue)]),
      publication.map((e) => [e.street_id, e.in_time, e.overdue]),
    );
    shownPublication.forEach((r, i) =>
      assert.ok(
        close(r.cells.publication_rate, Number(publication[i].in_time) / Number(publication[i].decided)),
        `${r.place} rate`,
      )
    );
    const overdue = publication.reduce((s, e) => s + Number(e.overdue), 0);
    assert.ok(overdue > 0, "the demo has items overdue for publication");
    assert.equal(
      Number(await page.$eval('[data-table="publication_overdue"]', (e) => e.getAttribute("data-total"))),
      overdue,
    );
    // The caller reads what was done: most worklist items carry their reply, digits masked.
    const replies = await page.$$eval(
      '[data-table="worklist"] td[data-key="reply"]',
      (tds) => tds.map((td) => td.getAttribute("data-value") ?? ""),
    );
    assert.ok(replies.filter((r) => HAN.test(r)).length > replies.length * 0.8, "replies shown");
    assert.ok(replies.every((r) => !/\d{3}/.test(r)), "replies masked");
    // The month's alerts come after the first figures, in their own table once computed.
    await page.waitForSelector('[data-table="alerts"][data-total]', { timeout: 240_000 });
    const [{ n: alerted }] = await store.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM (${monthAlertsSql("2026-10-01", "2026-10-31")})`,
    );
    assert.equal(
      Number(await page.$eval('[data-table="alerts"]', (e) => e.getAttribute("data-total"))),
      Number(alerted),
    );
    assert.equal(await page.$eval('[data-action="freeze"]', (b) => (b as HTMLButtonElement).disabled), false);
    await page.$eval('[data-table="publication_streets"]', (e) => e.scrollIntoView());
    await screenshot(page, "reviews-month-publication-1920x1080");

    await page.emulateMediaType("print");
    await page.setViewport(A4);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, "reviews-month-print-a4");
    await page.emulateMediaType("screen");
  });

  await t.step("quarterly review: figures equal SQL; a frozen pack survives an import", async () => {
    await using opened = await openPage(browser, `${server.url}reviews/quarter/2026-Q3?place=street:S02`, {
      width: 1366,
      height: 768,
    });
    const { page, errors } = opened;
    try {
      await waitReady(page);
    } finally {
      await screenshot(page, "reviews-quarter-1366x768");
    }
    assert.deepEqual(errors, []);
    const store = await opening;
    const expected = await store.db.query(`SELECT street_id, count(*) AS tickets,
      count(*) FILTER (WHERE NOT merged AND callback_result IN ('satisfied', 'basic'))
        / count(callback_result) FILTER (WHERE NOT merged) AS satisfaction_rate,
      count(*) FILTER (WHERE NOT merged AND resolved_level = 'district') AS above_street
      FROM ticket_facts
      WHERE created_date >= DATE '2026-07-01' AND created_date < DATE '2026-10-01'
      GROUP BY street_id ORDER BY street_id`);
    const shown = await tableValues(page, "scorecard_streets");
    assert.deepEqual(shown.map((r) => r.place), expected.map((e) => e.street_id));
    shown.forEach((r, i) => {
      assert.equal(Number(r.cells.tickets), expected[i].tickets);
      assert.ok(close(r.cells.satisfaction_rate, expected[i].satisfaction_rate), `${r.place} satisfaction`);
      assert.equal(Number(r.cells.above_street), expected[i].above_street);
    });
    // The publication rate is a column with its own rank.
    const ranks = shown.map((r) => Number(r.cells.publication_rank)).sort();
    assert.deepEqual(ranks, shown.map((_, i) => i + 1));
    assert.equal(await page.$eval("tr.review-focus", (e) => e.getAttribute("data-place")), "S02");
    const liveFigures = await figures(page);

    await Promise.all([page.waitForNavigation(), page.click('[data-action="freeze"]')]);
    await waitReady(page);
    assert.match(page.url(), /[?&]pack=quarter-2026-Q3-\d{13}/);
    assert.deepEqual(await figures(page), liveFigures);
    const frozenUrl = page.url();

    // Tickets received in the quarter, at buildings of the store: the live quarter grows.
    const version = store.manifest.version;
    const buildings = await store.db.query(`SELECT lon, lat FROM buildings WHERE lon IS NOT NULL LIMIT 20`);
    const csv = [
      "工单编号,受理时间,办结时间,工单状态,诉求类型,问题分类,经度,纬度",
      ...buildings.map((b, i) => `NEW${i},2026-08-10 09:00,2026-08-11 09:00,已办结,投诉,物业管理,${b.lon},${b.lat}`),
    ].join("\n");
    const csvFile = `${downloads}/more-tickets.csv`;
    await Deno.writeTextFile(csvFile, csv);
    const run = await importFile(dir, "tickets", csvFile, {});
    assert.equal(run.outcome.summary.added, buildings.length);
    assert.notEqual(run.version, version);

    await page.goto(frozenUrl, { waitUntil: "load" });
    await waitReady(page);
    assert.deepEqual(await figures(page), liveFigures);
    assert.ok(await page.$(".review-frozen"));
    await screenshot(page, "reviews-quarter-frozen-1366x768");
  });

  await (await opening).db.close();
  await Deno.remove(downloads, { recursive: true });
  await Deno.remove(dir, { recursive: true });
});
