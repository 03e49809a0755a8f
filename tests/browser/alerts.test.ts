/**
 * The alerts where people see them, in headless Chromium on a small demo district: the daily
 * digest for the office (admin) and for a street official, whose browser holds their
 * streets only, and the wall's 预警 scene; screenshots at 1920×1080 and 1366×768.
 */
import assert from "node:assert/strict";
import { SHOWN_RECURRENCE_GROUPS } from "../../lib/alerts/digest.ts";
import { ROOT } from "../../lib/config.ts";
import { ensureDemoStore } from "../../lib/store/demo_store.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot } from "./page.ts";
import { startServer } from "./server.ts";

const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];
/** The wall test's smaller demo district, so each page computes its alerts in seconds. */
const STORE = `${ROOT}/data/stores/wall-test`;

Deno.test({
  name: "alerts: the digest lists each kind with its evidence; a street official's holds their streets only",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await ensureDemoStore(STORE, { tickets: 30_000 });
    await using server = await startServer({ env: { LINLI_DATA: STORE }, timeoutMs: 300_000 });
    await using browser = await launchBrowser();
    for (const role of ["admin", "street"] as const) {
      // A context of its own per role, so no cached download of one scope reaches the other.
      await using context = await browser.createBrowserContext();
      const session = await server.signIn(role);
      for (const viewport of VIEWPORTS) {
        await using opened = await openPage(context, `${server.url}alerts`, viewport, { session });
        const { page, errors } = opened;
        // A scope's first download waits for the server to build it (lib/store/scoped.ts).
        await page.waitForFunction(() => document.documentElement.dataset.ready === "true", { timeout: 240_000 })
          .catch((e) => {
            throw new Error(`${role}: ${e.message}; page errors: ${errors.join(" | ")}`);
          });
        const kinds = await page.$$eval(".digest-section", (s) => s.map((e) => e.getAttribute("data-kind")));
        assert.deepEqual(kinds, ["surge", "recurrence", "deadline_risk"]);
        // Recurrences by place and category, at most the first groups; every ticket counted in the heading.
        const recurrences = await page.$eval(".digest-section[data-kind='recurrence']", (section) => ({
          tickets: Number(section.querySelector(".digest-count")?.textContent),
          header: [...section.querySelectorAll("thead th")].map((th) => th.textContent),
          counts: [...section.querySelectorAll("tbody tr td:nth-child(3)")].map((td) => Number(td.textContent)),
        }));
        if (recurrences.tickets > 0) {
          assert.equal(recurrences.header[2], "复诉件数");
          assert.ok(recurrences.counts.length <= SHOWN_RECURRENCE_GROUPS);
          assert.ok(recurrences.counts.reduce((a, b) => a + b, 0) <= recurrences.tickets);
        }
        await screenshot(page, `alerts-digest-${role}-${viewport.width}x${viewport.height}`);
        if (role !== "street") continue;
        const places = await page.$$eval(
          ".digest-section[data-kind='surge'] tbody tr td:first-child",
          (cells) => cells.map((c) => c.textContent ?? ""),
        );
        // A street official's browser holds their street only: at most one street's series.
        assert.ok(new Set(places.filter((p) => p.startsWith("街道 "))).size <= 1, places.join(", "));
      }
    }
    for (const viewport of VIEWPORTS) {
      await using opened = await openPage(browser, `${server.url}wall?scenes=alerts`, viewport);
      const { page } = opened;
      await page.waitForSelector(".wall-scene.is-active .wall-alerts, .wall-scene.is-active .wall-empty", {
        timeout: 120_000,
      });
      await screenshot(page, `wall-alerts-${viewport.width}x${viewport.height}`);
    }
  },
});
