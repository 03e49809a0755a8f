/**
 * The analysts' workbench in headless Chromium on a 1M-ticket store: a typical
 * group-by run from the editor, and scrolling a million-row result (the longest
 * frame while the grid scrolls from top to bottom).
 */
import { launchBrowser } from "../tests/browser/chromium.ts";
import { openPage, waitReady } from "../tests/browser/page.ts";
import { startServer } from "../tests/browser/server.ts";
import { demoStore } from "./demo_stores.ts";
import { bench, percentile } from "./harness.ts";

const GROUP_BY =
  "SELECT street_id, category, count(*) AS n, avg(epoch(closed_at) - epoch(created_at)) / 3600 AS hours " +
  "FROM tickets GROUP BY street_id, category";
const MILLION_ROWS = "SELECT range AS i, range % 97 AS bucket, 'row ' || range AS label FROM range(1000000)";
const RUNS = 10;
const SCROLL_FRAMES = 240;

bench("sql workbench", async (ctx) => {
  const dataset = "1M";
  const store = await demoStore(dataset, 1_000_000, ctx.log);
  await using server = await startServer({ env: { LINLI_DATA: store } });
  // As bench/map.bench.ts: nothing is timed beside the version's builds at start.
  await server.prepared();
  await using browser = await launchBrowser();
  const url = (sql: string) => `${server.url}sql?q=${encodeURIComponent(sql)}`;

  ctx.log("group-by from the editor");
  await using grouped = await openPage(browser, url(GROUP_BY), { width: 1920, height: 1080 });
  await waitReady(grouped.page);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await grouped.page.click(".sql-actions button.primary");
    await grouped.page.waitForFunction(() => !document.querySelector(".sql-meta")?.textContent?.includes("…"));
    const text = await grouped.page.$eval(".sql-meta", (e) => e.textContent ?? "");
    times.push(Number(text.match(/(\d+) 毫秒/)?.[1]));
  }

  ctx.log("scrolling a million-row result");
  await using scrolled = await openPage(browser, url(MILLION_ROWS), { width: 1920, height: 1080 });
  await waitReady(scrolled.page);
  const frames = await scrolled.page.evaluate((count: number) =>
    new Promise<number[]>((resolve) => {
      const scroller = document.querySelector(".grid-scroll")!;
      const step = (scroller.scrollHeight - scroller.clientHeight) / count;
      const stamps: number[] = [];
      const frame = (t: number) => {
        stamps.push(t);
        if (stamps.length > count) return resolve(stamps.slice(1).map((s, i) => s - stamps[i]));
        scroller.scrollTop += step;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }), SCROLL_FRAMES);
  const rows = await scrolled.page.$eval("[data-rows]", (e) => Number(e.getAttribute("data-rows")));

  return [
    {
      name: "group-by from the editor p50",
      value: percentile(times, 50),
      unit: "ms",
      dataset,
      target: { op: "<=", value: 300 },
    },
    {
      name: "group-by from the editor p95",
      value: percentile(times, 95),
      unit: "ms",
      dataset,
      target: { op: "<=", value: 300 },
    },
    { name: "rows in the scrolled result", value: rows, unit: "rows", dataset },
    {
      name: "longest frame while scrolling",
      value: Math.max(...frames),
      unit: "ms",
      dataset,
      target: { op: "<=", value: 50 },
    },
    { name: "frame p95 while scrolling", value: percentile(frames, 95), unit: "ms", dataset },
  ];
});
