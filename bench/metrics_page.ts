/**
 * A bench-only page that loads a store into DuckDB-WASM in headless Chromium and times
 * SQL inside the page, so the figures leave out the DevTools round trip. Served by its
 * own small server: the product's pages expose no handle to their DuckDB, and the bench
 * adds none to product code.
 */
import * as esbuild from "esbuild";
import type { Browser, Page } from "puppeteer-core";
import { contentType } from "../framework/static.ts";
import { ROOT } from "../lib/config.ts";
import { readManifest, tableFile } from "../lib/store/store.ts";

/** What the page exposes to the bench as `globalThis.linliBench`. */
export interface PageHandle {
  /** Milliseconds of each of `warmup + runs` runs of `sql`, the warm-up ones left out. */
  times(sql: string, runs: number, warmup: number): Promise<number[]>;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

const DUCKDB_DIST = `${ROOT}/node_modules/@duckdb/duckdb-wasm/dist`;
const ENGINE_FILES = [
  "duckdb-mvp.wasm",
  "duckdb-eh.wasm",
  "duckdb-browser-mvp.worker.js",
  "duckdb-browser-eh.worker.js",
];

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

async function bundle(): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: ROOT, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110"],
    write: false,
    logLevel: "silent",
  });
  await esbuild.stop();
  return result.outputFiles[0].text;
}

export interface BenchPage extends AsyncDisposable {
  page: Page;
  /** Milliseconds from navigation until the store is loaded. */
  loadMs: number;
}

/** Serves the store in `dir` and opens the bench page in `browser`, waiting until its data is loaded. */
export async function openBenchPage(browser: Browser, dir: string, timeoutMs = 900_000): Promise<BenchPage> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new Error(`no store in ${dir}`);
  const script = await bundle();
  const files: Record<string, string> = Object.fromEntries([
    ...ENGINE_FILES.map((f) => [`/engine/${f}`, `${DUCKDB_DIST}/${f}`]),
    ...Object.keys(manifest.tables).map((t) => [`/api/data/${t}.arrow`, tableFile(dir, manifest, t)]),
  ]);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const path = new URL(req.url).pathname;
    if (path === "/") {
      return new Response(`<!doctype html><script type="module" src="/page.js"></script>`, {
        headers: { "content-type": "text/html" },
      });
    }
    if (path === "/page.js") return new Response(script, { headers: { "content-type": "text/javascript" } });
    if (path === "/api/data/manifest.json") return Response.json(manifest);
    const file = files[path];
    if (!file) return new Response("not found", { status: 404 });
    return new Response((await Deno.open(file)).readable, { headers: { "content-type": contentType(file) } });
  });
  const page = await browser.newPage();
  const started = performance.now();
  await page.goto(`http://127.0.0.1:${server.addr.port}/`);
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
      await server.shutdown();
    },
  };
}
