/**
 * The pages at scale, in headless Chromium, beside a Mosaic dashboard of the same tickets
 * on the same DuckDB-WASM in the same browser and run (bench/mosaic_page.ts): a store of 1M
 * tickets with its buildings tiled to 100k (bench only). `/map` is timed from navigation to
 * the first drawn map and to its first figures (coloured by the tickets), cold (an empty
 * browser cache) and on a revisit; a filter change (time range, category, place) to the map
 * recoloured and every chart updated, with the page's long tasks and frames meanwhile; `/`,
 * `/wall` and the latest quarter's review cold and on a revisit. Mosaic: cold to every chart drawn, and a
 * brush move to every other chart updated. Each figure is printed with its target and its
 * ratio to Mosaic's. With `LINLI_BENCH_10M=1`, `map 10M` does the same on the 10M demo store,
 * whose scopes but a street official's are held on the server (docs/store.md), and times
 * the workbench's group-by street × category there.
 */
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser } from "../tests/browser/chromium.ts";
import { openPage } from "../tests/browser/page.ts";
import { startServer } from "../tests/browser/server.ts";
import { BENCH_STORES, demoStore } from "./demo_stores.ts";
import { readColumns } from "../lib/store/read_columns.ts";
import { readManifest, writeStore } from "../lib/store/store.ts";
import type { Columns } from "../lib/schema.ts";
import { type Control, timeMoves } from "./filter_moves.ts";
import { type Anchor, bench, type Figure, percentile } from "./harness.ts";
import { serveMosaic } from "./mosaic_page.ts";

const STORE = `${BENCH_STORES}/map-bench`;
const BUILDINGS = 100_000;
const VIEWPORT = { width: 1920, height: 1080 };
const MOVES = 20;
const RUNS = 3;
const COLD_MS = 3_000;
const REVISIT_MS = 1_000;
const FILTER_MS = 50;
/** The other pages, each timed cold to its first figures. */
const REVIEW = "reviews/quarter/latest";
const PAGES = ["", "wall", REVIEW];
/** The workbench's query of the 10M target, timed from navigation to its rows shown. */
const WORKBENCH_SQL = "SELECT street_id, category, count(*) AS n FROM tickets GROUP BY ALL ORDER BY ALL";
const WORKBENCH_MS = 1_000;
/** Far beyond the target: the figure is reported however long it takes. */
const READY_TIMEOUT_MS = 600_000;

/** Waits for the page's map drawn (geometry and labels), or for the page ready (its first figures shown). */
async function shown(page: Page, what: "drawn" | "ready"): Promise<void> {
  const test = what === "drawn"
    ? () => document.querySelector<HTMLElement>(".linli-map")?.dataset.drawn === "true"
    : () => document.documentElement.dataset.ready === "true" || document.documentElement.dataset.error !== undefined;
  await page.waitForFunction(test, { timeout: READY_TIMEOUT_MS, polling: "mutation" });
  const error = await page.evaluate(() => document.documentElement.dataset.error);
  if (error !== undefined) throw new Error(`${page.url()} reported data-error: ${error}`);
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Every document of the tab notes, on its own clock (from its navigation), when its map is
 * drawn and when it is ready: the figures are from navigation, as the targets are, not from
 * the bench opening a tab.
 */
const clockPages = (page: Page) =>
  page.evaluateOnNewDocument(() => {
    const at: Record<string, number> = {};
    (globalThis as unknown as { linliBench: Record<string, number> }).linliBench = at;
    new MutationObserver(() => {
      const root = document.documentElement.dataset;
      if (root.ready === "true") at.ready ??= performance.now();
      if (document.querySelector<HTMLElement>(".linli-map")?.dataset.drawn === "true") at.drawn ??= performance.now();
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });

/** Milliseconds from navigation to the page `what`, by the page's clock (see `clockPages`). */
async function sinceNavigation(page: Page, what: "drawn" | "ready"): Promise<number> {
  await shown(page, what);
  return await page.evaluate(
    (w) => (globalThis as unknown as { linliBench: Record<string, number> }).linliBench[w],
    what,
  );
}

/**
 * Milliseconds from navigation to `url` ready in a fresh browser context (an empty cache, as
 * a first visit), `RUNS` times; also to the map drawn when `drawn` is given.
 */
async function coldLoads(browser: Browser, url: string, drawn?: number[], session?: string): Promise<number[]> {
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.createBrowserContext();
    try {
      await using opened = await openPage(context, url, VIEWPORT, { session, beforeNavigation: clockPages });
      if (opened.foreignRequests().length) throw new Error(`${url} asked other hosts: ${opened.foreignRequests()}`);
      if (drawn) drawn.push(await sinceNavigation(opened.page, "drawn"));
      ready.push(await sinceNavigation(opened.page, "ready"));
    } finally {
      await context.close();
    }
  }
  return ready;
}

/** Milliseconds to `url` ready on a second visit in the same browser context, `RUNS` times. */
async function revisits(browser: Browser, url: string, session?: string): Promise<number[]> {
  const context = await browser.createBrowserContext();
  try {
    {
      await using first = await openPage(context, url, VIEWPORT, { session });
      await shown(first.page, "ready");
    }
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await using again = await openPage(context, url, VIEWPORT, { session, beforeNavigation: clockPages });
      times.push(await sinceNavigation(again.page, "ready"));
    }
    return times;
  } finally {
    await context.close();
  }
}

/** Copies of every building, each copy shifted a little, until there are `target`. */
function tileBuildings(columns: Columns, target: number): Columns {
  const n = columns.building_id.length;
  const copies = Math.ceil(target / n);
  const out: Columns = Object.fromEntries(Object.keys(columns).map((k) => [k, [] as unknown[]]));
  for (let c = 0; c < copies; c++) {
    const dx = (c % 6) * 0.00003, dy = Math.floor(c / 6) * 0.00003;
    for (let i = 0; i < n && out.building_id.length < target; i++) {
      for (const key of Object.keys(columns)) {
        let value = columns[key][i];
        if (c > 0 && key === "building_id") value = `${value}~${c}`;
        if (c > 0 && key === "lon") value = Number(value) + dx;
        if (c > 0 && key === "lat") value = Number(value) + dy;
        if (c > 0 && key === "geometry" && value) {
          const g = JSON.parse(String(value));
          g.coordinates = g.coordinates.map((ring: number[][]) => ring.map(([x, y]) => [x + dx, y + dy]));
          value = JSON.stringify(g);
        }
        out[key].push(value);
      }
    }
  }
  return out;
}

/** The 1M demo store (built first when missing) with its buildings tiled to 100k. */
async function prepareStore(log: (m: string) => void): Promise<string> {
  const manifest = await readManifest(STORE);
  if (manifest?.tables.buildings.rows === BUILDINGS) return STORE;
  const source = await demoStore("1M", 1_000_000, log);
  log(`writing ${STORE}: ${source} with its buildings tiled to ${BUILDINGS} (once; kept for the next runs)`);
  await Deno.remove(STORE, { recursive: true }).catch(() => {});
  const copy = await new Deno.Command("cp", { args: ["-al", source, STORE] }).output();
  if (!copy.success) throw new Error(new TextDecoder().decode(copy.stderr));
  const buildings = await readColumns(STORE, await readManifest(STORE), "buildings");
  await writeStore(
    STORE,
    { buildings: tileBuildings(buildings, BUILDINGS) },
    `map bench: demo-1m, ${BUILDINGS} buildings`,
  );
  return STORE;
}

interface Dataset {
  bench: string;
  label: string;
  store(log: (m: string) => void): Promise<string>;
  /** The server's settings beside the store's. */
  env: Record<string, string>;
}

const DATASETS: Dataset[] = [
  { bench: "map", label: "1M tickets, 100k buildings", store: prepareStore, env: {} },
  ...Deno.env.get("LINLI_BENCH_10M") === "1"
    ? [{
      bench: "map 10M",
      label: "10M tickets, the demo district's buildings",
      store: (log: (m: string) => void) => demoStore("10M", 10_000_000, log),
      // Past the default 192 MB the wall's figures of 10M tickets run out of memory instead of spilling.
      env: { LINLI_BUILD_MEMORY_MB: "2048" },
    }]
    : [],
];

for (const dataset of DATASETS) bench(dataset.bench, (ctx) => mapBench(dataset, ctx.log));

async function mapBench({ label: DATASET, store, env }: Dataset, log: (m: string) => void): Promise<Figure[]> {
  const STORE = await store(log);
  await using server = await startServer({ env: { LINLI_DATA: STORE, ...env }, timeoutMs: 3_600_000 });
  // Its builds (scopes, the facts its answers read) are once per version; nothing is timed beside them.
  await server.prepared();
  await using mosaic = await serveMosaic(STORE);
  await using browser = await launchBrowser();
  const figures: Figure[] = [];
  const add = (name: string, value: number, more: Partial<Figure> = {}) =>
    figures.push({ name, value, unit: "ms", dataset: DATASET, ...more });
  const pair = (name: string, values: number[], more: (p: 50 | 95) => Partial<Figure>) => {
    for (const p of [50, 95] as const) add(`${name} p${p}`, percentile(values, p), more(p));
  };

  log(`Mosaic: loading the dashboard ${RUNS} times with an empty cache`);
  const mosaicCold: Anchor = { name: "Mosaic cold", value: median(await coldLoads(browser, mosaic.url)) };
  add("Mosaic: cold, every chart drawn (median)", mosaicCold.value);
  log(`Mosaic: moving the brush ${MOVES} times`);
  const brush = await (async () => {
    await using opened = await openPage(browser, mosaic.url, VIEWPORT, { session: null });
    await shown(opened.page, "ready");
    const times: number[] = await opened.page.evaluate(
      (moves: number) =>
        (globalThis as unknown as { mosaicBench: { brush(n: number): Promise<number[]> } })
          .mosaicBench.brush(moves),
      MOVES,
    );
    add("Mosaic: requests to other hosts", opened.foreignRequests().length, {
      unit: "",
      target: { op: "<=", value: 0 },
    });
    return times;
  })();
  const [indexBuild, ...brushMoves] = brush;
  add("Mosaic: first brush move (builds its indexes)", indexBuild);
  pair("Mosaic: brush move to every other chart", brushMoves, () => ({}));
  const mosaicBrush = (p: 50 | 95): Anchor => ({ name: `Mosaic brush p${p}`, value: percentile(brushMoves, p) });

  // The server cuts its tiles once per store version, at start-up (timed by the server bench); the
  // figures here are a user's navigation to a running server.
  await (await fetch(`${server.url}map`)).text();
  log(`/map: ${RUNS} cold loads, ${RUNS} revisits`);
  const drawn: number[] = [];
  const mapCold = await coldLoads(browser, `${server.url}map`, drawn);
  pair("/map cold: district drawn", drawn, () => ({ target: { op: "<=", value: COLD_MS } }));
  const cold = (who: string, times: number[]) =>
    add(`/map cold${who}: first figures (median)`, median(times), {
      target: { op: "<=", value: COLD_MS },
      versus: mosaicCold,
    });
  const revisit = (path: string, who: string, times: number[]) =>
    add(`/${path} revisit${who}: first figures (median)`, median(times), { target: { op: "<=", value: REVISIT_MS } });
  cold("", mapCold);
  revisit("map", "", await revisits(browser, `${server.url}map`));
  // The admin's scope holds raw residents' fields and is never kept in the browser; the masked roles' is.
  const leader = await server.signIn("leader");
  cold(" as a leader", await coldLoads(browser, `${server.url}map`, [], leader));
  revisit("map", " as a leader", await revisits(browser, `${server.url}map`, leader));
  const street = await server.signIn("street");
  cold(" as a street official", await coldLoads(browser, `${server.url}map`, [], street));
  for (const [who, session] of [["", undefined], [" as a leader", leader], [" as a street official", street]]) {
    const times = await coldLoads(
      browser,
      `${server.url}sql?q=${encodeURIComponent(WORKBENCH_SQL)}`,
      undefined,
      session,
    );
    add(`/sql cold${who}: street × category rows shown (median)`, median(times), {
      target: { op: "<=", value: WORKBENCH_MS },
    });
  }

  await using opened = await openPage(browser, `${server.url}map`, VIEWPORT);
  const { page } = opened;
  await shown(page, "ready");
  await page.waitForSelector('.drill[data-busy="false"]', { timeout: READY_TIMEOUT_MS });
  const longTasks: number[] = [], frames: number[] = [];
  // A part that fails is said so and the run goes on: the figures of the others are kept.
  const attempt = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      log(`${what} failed: ${e instanceof Error ? e.stack : e}`);
    }
  };
  for (const control of ["time", "category", "place"] satisfies Control[]) {
    await attempt(`the ${control} changes`, async () => {
      log(`/map: ${MOVES} changes of the ${control}`);
      // One more than timed: the first change of a control builds its cubes, and is reported on its own.
      const moves = await timeMoves(page, control, MOVES + 1);
      const [first, ...rest] = moves.times;
      add(`/map first ${control} change (builds the cubes)`, first);
      pair(`/map ${control} change to map and charts`, rest, (p) => ({
        target: { op: "<=", value: FILTER_MS },
        versus: mosaicBrush(p),
      }));
      // Where the time goes: the page's work (charts, the map's draw issued), then the software GPU's frame.
      pair(`/map ${control} change: every chart updated`, moves.charts.slice(1), (p) => ({ versus: mosaicBrush(p) }));
      pair(`/map ${control} change: the map's new colours drawn`, moves.drawn.slice(1), () => ({}));
      const frame = moves.times.map((t, i) => t - moves.drawn[i]).slice(1);
      pair(`/map ${control} change: from the draw to the next frame`, frame, () => ({}));
      longTasks.push(...moves.longTasks);
      frames.push(...moves.frames);
      await page.waitForSelector('.drill[data-busy="false"]', { timeout: READY_TIMEOUT_MS });
    });
  }
  if (frames.length) {
    add("/map long tasks during the changes", longTasks.length, { unit: "tasks" });
    add("/map longest task during the changes", Math.max(0, ...longTasks));
    add("/map frame p95 during the changes", percentile(frames, 95));
    add("/map longest frame during the changes", Math.max(...frames));
  }

  // The quarterly review as a leader too: the reviews' first readers, whose scope brings every street's scorecards.
  const pages: { path: string; who: string; session?: string }[] = [
    ...PAGES.map((path) => ({ path, who: "" })),
    { path: REVIEW, who: " as a leader", session: leader },
  ];
  for (const { path, who, session } of pages) {
    await attempt(`/${path}${who}`, async () => {
      log(`/${path}${who}: ${RUNS} cold loads, ${RUNS} revisits`);
      const times = await coldLoads(browser, `${server.url}${path}`, undefined, session);
      add(`/${path} cold${who}: first figures (median)`, median(times), {
        target: { op: "<=", value: COLD_MS },
        versus: mosaicCold,
      });
      revisit(path, who, await revisits(browser, `${server.url}${path}`, session));
    });
  }
  return figures;
}
