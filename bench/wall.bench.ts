/**
 * The wall left running: at least 500 scene changes and 500 data refreshes with short
 * intervals in headless Chromium, the JS heap (after a forced garbage collection) and
 * the DOM's node and listener counts taken after a warm-up and at the end. A wall runs
 * for weeks, so anything that grows per rotation or per refresh shows here.
 */
import type { CDPSession, Page } from "puppeteer-core";
import { ROOT } from "../lib/config.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { launchBrowser } from "../tests/browser/chromium.ts";
import { openPage, waitReady } from "../tests/browser/page.ts";
import { startServer } from "../tests/browser/server.ts";
import { bench, type Figure } from "./harness.ts";

const TARGET = 500;
/** Rotations and refreshes before the first sample, so one-time allocations (the map, caches) are done. */
const WARMUP = 20;
/** A small district keeps each refresh short, so 500 of them fit in minutes. */
const STORE = `${ROOT}/data/stores/wall-bench`;
const STORE_TICKETS = 3_000;
const URL_PARAMS = "interval=0.3&refresh=0.3";
const MAX_MINUTES = 40;
const MB = 1024 * 1024;
const GROWTH_TARGET = { op: "<=", value: 10 } as const;

interface Sample {
  turns: number;
  refreshes: number;
  heap: number;
  nodes: number;
  listeners: number;
}

async function counts(page: Page): Promise<{ turns: number; refreshes: number }> {
  return await page.$eval(".wall-live", (el) => ({
    turns: Number(el.getAttribute("data-turns")),
    refreshes: Number(el.getAttribute("data-refreshes")),
  }));
}

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  return { ...await counts(page), heap: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

async function runUntil(page: Page, target: { turns: number; refreshes: number }, log: (m: string) => void) {
  const deadline = Date.now() + MAX_MINUTES * 60_000;
  let last = 0;
  for (;;) {
    const { turns, refreshes } = await counts(page);
    if (turns >= target.turns && refreshes >= target.refreshes) return;
    if (Date.now() > deadline) throw new Error(`only ${turns} scene changes and ${refreshes} refreshes`);
    if (Date.now() - last > 30_000) {
      log(`${turns} scene changes, ${refreshes} refreshes`);
      last = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

const growth = (start: number, end: number) => 100 * (end - start) / start;

bench("wall", async (ctx) => {
  await ensureDemoStore(STORE, { tickets: STORE_TICKETS });
  await using server = await startServer({ env: { LINLI_DATA: STORE } });
  await using browser = await launchBrowser();
  await using opened = await openPage(browser, `${server.url}wall?${URL_PARAMS}`, { width: 1920, height: 1080 });
  const { page, errors } = opened;
  await waitReady(page);
  const cdp = await page.createCDPSession();
  await runUntil(page, { turns: WARMUP, refreshes: WARMUP }, ctx.log);
  const start = await sample(page, cdp);
  ctx.log(`start: ${JSON.stringify(start)}`);
  await runUntil(page, { turns: start.turns + TARGET, refreshes: start.refreshes + TARGET }, ctx.log);
  const end = await sample(page, cdp);
  ctx.log(`end: ${JSON.stringify(end)}`);
  if (errors.length) throw new Error(`the wall logged errors: ${errors.slice(0, 3).join("; ")}`);
  const dataset = `${STORE_TICKETS} tickets, ${URL_PARAMS}`;
  return [
    { name: "wall scene changes", value: end.turns - start.turns, unit: "", dataset },
    { name: "wall refreshes", value: end.refreshes - start.refreshes, unit: "", dataset },
    { name: "wall JS heap at start", value: start.heap / MB, unit: "MB", dataset },
    { name: "wall JS heap at end", value: end.heap / MB, unit: "MB", dataset },
    { name: "wall JS heap growth", value: growth(start.heap, end.heap), unit: "%", dataset, target: GROWTH_TARGET },
    { name: "wall DOM nodes at start", value: start.nodes, unit: "", dataset },
    { name: "wall DOM nodes at end", value: end.nodes, unit: "", dataset },
    { name: "wall DOM node growth", value: growth(start.nodes, end.nodes), unit: "%", dataset, target: GROWTH_TARGET },
    { name: "wall event listeners at end", value: end.listeners, unit: "", dataset },
    {
      name: "wall event listener growth",
      value: growth(start.listeners, end.listeners),
      unit: "%",
      dataset,
      target: GROWTH_TARGET,
    },
  ] satisfies Figure[];
});
