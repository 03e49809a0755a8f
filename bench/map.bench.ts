/**
 * The street officials' map at scale, in headless Chromium: a store of 1M tickets with
 * its buildings tiled to 100k (bench only), timed from navigation to the first drawn map,
 * and from a filter change (a move of the time range, the cube path) to the map
 * recoloured and every chart updated.
 */
import { bench, measure, type Measurement, timings } from "./harness.ts";
import { launchBrowser } from "../tests/browser/chromium.ts";
import type { Page } from "puppeteer-core";
import { openPage } from "../tests/browser/page.ts";
import { startServer } from "../tests/browser/server.ts";
import { BENCH_STORES, demoStore } from "./demo_stores.ts";
import { readColumns } from "../lib/store/read_columns.ts";
import { readManifest, writeStore } from "../lib/store/store.ts";
import type { Columns } from "../lib/schema.ts";

const STORE = `${BENCH_STORES}/map-bench`;
const BUILDINGS = 100_000;
const VIEWPORT = { width: 1920, height: 1080 };
const MOVES = 20;
const DATASET = "1M tickets, 100k buildings";
/** Far beyond the target: the figure is reported however long it takes. */
const READY_TIMEOUT_MS = 600_000;

/** Waits for the page's map: drawn (geometry and labels) or ready (coloured by the tickets' figures). */
async function mapShown(page: Page, what: "drawn" | "ready"): Promise<void> {
  const test = what === "drawn"
    ? () => document.querySelector<HTMLElement>(".linli-map")?.dataset.drawn === "true"
    : () => document.documentElement.dataset.ready === "true";
  await page.waitForFunction(test, { timeout: READY_TIMEOUT_MS, polling: "mutation" });
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
async function prepareStore(log: (m: string) => void): Promise<void> {
  const manifest = await readManifest(STORE);
  if (manifest?.tables.buildings.rows === BUILDINGS) return;
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
}

bench("map", async (ctx) => {
  await prepareStore(ctx.log);
  await using server = await startServer({ env: { LINLI_DATA: STORE } });
  await using browser = await launchBrowser();

  // The server cuts its tiles once per store version, at start-up (timed by the server bench); the
  // figure here is a user's navigation to a running server.
  await (await fetch(`${server.url}map`)).text();
  ctx.log("loading /map three times with an empty cache");
  const coloured: number[] = [];
  const firstMap = await measure(async () => {
    const context = await browser.createBrowserContext();
    const start = performance.now();
    const { page } = await openPage(context, `${server.url}map`, VIEWPORT);
    await mapShown(page, "drawn");
    return async () => {
      await mapShown(page, "ready");
      coloured.push(performance.now() - start);
      await context.close();
    };
  }, { runs: 3 });

  await using opened = await openPage(browser, `${server.url}map`, VIEWPORT);
  const { page } = opened;
  await mapShown(page, "ready");
  await page.waitForSelector('.drill[data-busy="false"]', { timeout: READY_TIMEOUT_MS });
  ctx.log(`moving the time range ${MOVES} times`);
  // Inside the page, from the input's change to the charts re-rendered and the map's next frame.
  const durations: number[] = await page.evaluate(async (moves: number) => {
    const input = document.querySelector<HTMLInputElement>('.range-inputs input[type="date"]')!;
    const map = document.querySelector<HTMLElement>(".linli-map")!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    const start = input.value;
    const times: number[] = [];
    for (let i = 0; i <= moves; i++) {
      const before = Number(map.dataset.recoloured ?? 0);
      const day = new Date(Date.parse(start) + (i % 10 + 1) * 86_400_000).toISOString().slice(0, 10);
      const t0 = performance.now();
      setter.call(input, day);
      input.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise<void>((resolve) => {
        const check = () => {
          const charts = document.querySelector(".drill-charts");
          if (charts && !charts.classList.contains("stale") && Number(map.dataset.recoloured ?? 0) > before) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      // The first move builds the cubes; it is timed on its own.
      times.push(performance.now() - t0);
    }
    return times;
  }, MOVES);
  const [cubeBuild, ...moves] = durations;
  const sorted = moves.toSorted((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  const recolour: Measurement = {
    runs: moves.length,
    p50: at(50),
    p95: at(95),
    min: sorted[0],
    max: sorted.at(-1)!,
    peakRssBytes: 0,
  };
  return [
    ...timings("map: first meaningful map (district drawn)", firstMap, {
      dataset: DATASET,
      target: { op: "<=", value: 3000 },
    }),
    {
      name: "map: first map coloured by the tickets (median)",
      value: coloured.toSorted((a, b) => a - b)[Math.floor(coloured.length / 2)],
      unit: "ms",
      dataset: DATASET,
    },
    { name: "map: first filter change (builds the cubes)", value: cubeBuild, unit: "ms", dataset: DATASET },
    ...timings("map: filter change to map and charts", recolour, {
      dataset: DATASET,
      target: { op: "<=", value: 50 },
    }),
  ];
});
