/**
 * How quickly the product is usable: the server's startup, and the overview page's first
 * load in headless Chromium up to its own data-ready signal.
 */
import { bench, measure, timings } from "./harness.ts";
import { launchBrowser } from "../tests/browser/chromium.ts";
import { openPage, waitReady } from "../tests/browser/page.ts";
import { startServer } from "../tests/browser/server.ts";

const RUNS = 3;
const VIEWPORT = { width: 1920, height: 1080 };

bench("server", async (ctx) => {
  ctx.log(`starting the server ${RUNS} times`);
  const startup = await measure(async () => {
    const server = await startServer();
    return () => server.stop();
  }, { runs: RUNS });

  await using server = await startServer();
  await using browser = await launchBrowser();
  ctx.log(`loading / ${RUNS} times`);
  const firstPage = await measure(async () => {
    // A fresh context each time has an empty cache, as a person's first visit does.
    const context = await browser.createBrowserContext();
    const { page } = await openPage(context, server.url, VIEWPORT);
    await waitReady(page);
    return () => context.close();
  }, { runs: RUNS });

  return [
    ...timings("server startup", startup),
    ...timings("first page ready", firstPage, { target: { op: "<=", value: 3000 } }),
  ];
});
