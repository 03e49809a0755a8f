/**
 * The wall left running: 2,000 data refreshes (and as many scene changes) at short
 * intervals in headless Chromium, with a re-import (a new store version, so new figures
 * and a new map) every few hundred refreshes, as a district's daily imports do. The JS
 * heap, DOM nodes and event listeners (Chrome's `Performance.getMetrics`, after forced
 * garbage collections) are taken after a warm-up and at the end. A wall runs for weeks,
 * so anything that grows per rotation, refresh or store version shows here.
 */
import type { CDPSession, Page } from "puppeteer-core";
import { ROOT } from "../lib/config.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { readManifest, writeStore } from "../lib/store/store.ts";
import { launchBrowser } from "../tests/browser/chromium.ts";
import { openPage } from "../tests/browser/page.ts";
import { startServer } from "../tests/browser/server.ts";
import { bench, type Figure } from "./harness.ts";

const REFRESHES = 2_000;
/**
 * Refreshes before the first sample: one-time allocations (the map, caches) are done and
 * the hot functions compiled, which alone adds a few hundred KB of code in the first hundred.
 */
const WARMUP = 150;
/** A re-import every this many refreshes; the first comes before the first sample. */
const IMPORT_EVERY = 250;
/** A small district keeps each refresh short, so 2,000 of them fit in minutes. */
const STORE = `${ROOT}/data/stores/wall-bench`;
const STORE_TICKETS = 3_000;
const URL_PARAMS = "interval=0.3&refresh=0.3";
const MAX_MINUTES = 60;
const READY_TIMEOUT_MS = 300_000;
/** The page is asked for its counts this seldom: every question runs a script in it, which the heap would show. */
const POLL_MS = 10_000;
/** Readings per sample, the smallest kept: a reading during a refresh holds that refresh's answer. */
const READINGS = 3;
const MB = 1024 * 1024;
const GROWTH_TARGET = { op: "<=", value: 2 } as const;

interface Sample {
  turns: number;
  refreshes: number;
  heap: number;
  nodes: number;
  listeners: number;
}

async function counts(page: Page): Promise<{ turns: number; refreshes: number; version: string }> {
  return await page.$eval(".wall-live", (el) => ({
    turns: Number(el.getAttribute("data-turns")),
    refreshes: Number(el.getAttribute("data-refreshes")),
    version: el.getAttribute("data-version") ?? "",
  }));
}

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  const readings: Omit<Sample, "turns" | "refreshes">[] = [];
  for (let i = 0; i < READINGS; i++) {
    if (i) await new Promise((resolve) => setTimeout(resolve, 500));
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => metrics.find((m) => m.name === name)!.value;
    readings.push({ heap: metric("JSHeapUsedSize"), nodes: metric("Nodes"), listeners: metric("JSEventListeners") });
  }
  const least = (key: keyof typeof readings[0]) => Math.min(...readings.map((r) => r[key]));
  return { ...await counts(page), heap: least("heap"), nodes: least("nodes"), listeners: least("listeners") };
}

/** A re-import that changes nothing but the version: every table carried over, as an import of an unchanged file. */
async function reimport(): Promise<string> {
  const { source } = (await readManifest(STORE))!;
  return (await writeStore(STORE, {}, source)).version;
}

/** Waits until the wall shows `version` (if given) and has made `refreshes` refreshes. */
async function runUntil(page: Page, target: { refreshes: number; version?: string }, log: (m: string) => void) {
  const deadline = Date.now() + MAX_MINUTES * 60_000;
  let logged = 0;
  for (;;) {
    const now = await counts(page);
    if (now.refreshes >= target.refreshes && (!target.version || now.version === target.version)) return;
    if (Date.now() > deadline) throw new Error(`only ${now.turns} scene changes and ${now.refreshes} refreshes`);
    if (Date.now() - logged > 60_000) {
      log(`${now.turns} scene changes, ${now.refreshes} refreshes`);
      logged = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** `rounds` times: a re-import, then IMPORT_EVERY refreshes on the new version. */
async function soak(page: Page, rounds: number, log: (m: string) => void) {
  for (let i = 0; i < rounds; i++) {
    const version = await reimport();
    await runUntil(page, { refreshes: (await counts(page)).refreshes + IMPORT_EVERY, version }, log);
  }
}

const growth = (start: number, end: number) => 100 * (end - start) / start;

bench("wall", async (ctx) => {
  await ensureDemoStore(STORE, { tickets: STORE_TICKETS });
  await using server = await startServer({ env: { LINLI_DATA: STORE } });
  await using browser = await launchBrowser();
  await using opened = await openPage(browser, `${server.url}wall?${URL_PARAMS}`, { width: 1920, height: 1080 });
  const { page, errors } = opened;
  // On a shared machine the first figures may take longer than a test waits for.
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", { timeout: READY_TIMEOUT_MS });
  const cdp = await page.createCDPSession();
  await cdp.send("Performance.enable");
  // The warm-up sees a store version change, so the first sample is taken with a second map made.
  await runUntil(page, { refreshes: WARMUP }, ctx.log);
  await soak(page, 1, ctx.log);
  const start = await sample(page, cdp);
  ctx.log(`start: ${JSON.stringify(start)}`);
  const imports = REFRESHES / IMPORT_EVERY;
  await soak(page, imports, ctx.log);
  const end = await sample(page, cdp);
  ctx.log(`end: ${JSON.stringify(end)}`);
  if (errors.length) throw new Error(`the wall logged errors: ${errors.slice(0, 3).join("; ")}`);
  const dataset = `${STORE_TICKETS} tickets, ${URL_PARAMS}, a re-import every ${IMPORT_EVERY} refreshes`;
  return [
    { name: "wall scene changes", value: end.turns - start.turns, unit: "", dataset },
    { name: "wall refreshes", value: end.refreshes - start.refreshes, unit: "", dataset },
    { name: "wall re-imports", value: imports, unit: "", dataset },
    { name: "wall JS heap at start", value: start.heap / MB, unit: "MB", dataset },
    { name: "wall JS heap at end", value: end.heap / MB, unit: "MB", dataset },
    { name: "wall JS heap growth", value: growth(start.heap, end.heap), unit: "%", dataset, target: GROWTH_TARGET },
    { name: "wall DOM nodes at start", value: start.nodes, unit: "", dataset },
    { name: "wall DOM nodes at end", value: end.nodes, unit: "", dataset },
    { name: "wall DOM node growth", value: growth(start.nodes, end.nodes), unit: "%", dataset, target: GROWTH_TARGET },
    { name: "wall event listeners at start", value: start.listeners, unit: "", dataset },
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
