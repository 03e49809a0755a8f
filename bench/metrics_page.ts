/**
 * A bench-only page that loads a store into DuckDB-WASM in headless Chromium and times
 * SQL inside the page, so the figures leave out the DevTools round trip. Served by its
 * own small server: the product's pages expose no handle to their DuckDB, and the bench
 * adds none to product code.
 */
import type { Browser, Page } from "puppeteer-core";
import { ROOT } from "../lib/config.ts";
import { readManifest, tableFile } from "../lib/store/store.ts";
import { bundleScript, servePage } from "./bench_page.ts";

/** What the page exposes to the bench as `globalThis.linliBench`. */
export interface PageHandle {
  /** Milliseconds of each of `warmup + runs` runs of `sql`, the warm-up ones left out. */
  times(sql: string, runs: number, warmup: number): Promise<number[]>;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** The page's script: open the engine, load the store through the same loader as the product. */
const PAGE_SCRIPT = `
import { openBrowserDuckDB } from "${ROOT}/lib/db/duckdb_browser.ts";
import { loadStore } from "${ROOT}/lib/db/load_store.ts";
const engine = (build) => ({ wasm: "/engine/duckdb-" + build + ".wasm", worker: "/engine/duckdb-browser-" + build + ".worker.js" });
try {
  const db = await openBrowserDuckDB({ mvp: engine("mvp"), eh: engine("eh") });
  await loadStore(db, "/api/data/");
  globalThis.linliBench = {
    async times(sql, runs, warmup) {
      const durations = [];
      for (let i = 0; i < warmup + runs; i++) {
        const start = performance.now();
        await db.queryArrow(sql);
        if (i >= warmup) durations.push(performance.now() - start);
      }
      return durations;
    },
    query: (sql) => db.query(sql),
  };
  document.documentElement.dataset.ready = "true";
} catch (e) {
  document.documentElement.dataset.error = String(e && e.stack || e);
}
`;

export interface BenchPage extends AsyncDisposable {
  page: Page;
  /** Milliseconds from navigation until the store is loaded. */
  loadMs: number;
}

/** Serves the store in `dir` and opens the bench page in `browser`, waiting until its data is loaded. */
export async function openBenchPage(browser: Browser, dir: string, timeoutMs = 900_000): Promise<BenchPage> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new Error(`no store in ${dir}`);
  const server = servePage(await bundleScript(PAGE_SCRIPT), {
    ...Object.fromEntries(
      Object.keys(manifest.tables).map((t) => [`/api/data/${t}.arrow`, tableFile(dir, manifest, t)]),
    ),
    "/api/data/manifest.json": () => Response.json(manifest),
  });
  const page = await browser.newPage();
  const started = performance.now();
  await page.goto(server.url);
  await page.waitForFunction(
    () => document.documentElement.dataset.ready || document.documentElement.dataset.error,
    { timeout: timeoutMs, polling: 500 },
  );
  const error = await page.evaluate(() => document.documentElement.dataset.error);
  if (error) throw new Error(`the bench page failed: ${error}`);
  return {
    page,
    loadMs: performance.now() - started,
    async [Symbol.asyncDispose]() {
      await page.close();
      await server[Symbol.asyncDispose]();
    },
  };
}
