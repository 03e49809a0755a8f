/**
 * Tests the browser-test harness itself against `fixtures/site.ts`, whose pages have
 * known requests, errors and drawings, so that a failing page test means the product.
 */
import assert from "node:assert/strict";
import { encode } from "fast-png";
import { BASE_ARGS, chromiumArgs, ensureChromium, launchBrowser, missingPackages } from "./chromium.ts";
import { openPage, probeMap, screenshot, waitReady } from "./page.ts";
import { decodeImage, differsClearly, parseHexColor, probe } from "./pixels.ts";
import { startServer } from "./server.ts";

const FIXTURE = "tests/browser/fixtures/site.ts";
const VIEWPORT = { width: 800, height: 600 };
const puppeteerOptions = { sanitizeResources: false, sanitizeOps: false };

/** This process's children still running the fixture, read from /proc. */
function fixtureChildren(): number[] {
  const pids: number[] = [];
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
      // The command name in parentheses may hold spaces; the fields after it do not.
      const parent = Number(
        stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1],
      );
      const commandLine = Deno.readTextFileSync(`/proc/${entry.name}/cmdline`);
      if (parent === Deno.pid && commandLine.includes(FIXTURE)) {
        pids.push(Number(entry.name));
      }
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  return pids;
}

async function processInfo(
  url: string,
): Promise<{ pid: number; greeting: string | null }> {
  const response = await fetch(`${url}process`);
  return await response.json();
}

Deno.test(
  "chromium is installed and launched with exactly our flags",
  puppeteerOptions,
  async () => {
    // On a fresh machine this is the suite's first browser test: it installs, then checks the install took.
    await ensureChromium();
    assert.deepEqual(await missingPackages(), []);
    const browser = await launchBrowser();
    const args = browser.process()!.spawnargs.slice(1);
    const userDataDir = args.find((arg) => arg.startsWith("--user-data-dir="))!.split("=")[1];
    try {
      assert.deepEqual(args.slice(0, BASE_ARGS.length), BASE_ARGS);
      assert.deepEqual(args, [
        ...await chromiumArgs(),
        "--remote-debugging-port=0",
        `--user-data-dir=${userDataDir}`,
      ]);
      assert.ok(Deno.statSync(userDataDir).isDirectory);
    } finally {
      await browser.close();
    }
    assert.throws(() => Deno.statSync(userDataDir), Deno.errors.NotFound);
  },
);

Deno.test("startServer runs a server, passes its env, restarts it and stops it", async () => {
  const server = await startServer({
    entry: FIXTURE,
    env: { FIXTURE_GREETING: "你好" },
  });
  const first = await processInfo(server.url);
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.equal(first.greeting, "你好");
  assert.equal(server.pid, first.pid);
  const url = server.url;
  await server.restart();
  const second = await processInfo(server.url);
  assert.equal(server.url, url);
  assert.notEqual(second.pid, first.pid);
  assert.equal(second.greeting, "你好");
  await server.stop();
  assert.deepEqual(fixtureChildren(), []);
});

Deno.test("startServer shows the output of a server that exits before listening", async () => {
  await assert.rejects(
    startServer({ entry: FIXTURE, env: { FIXTURE_MODE: "crash" } }),
    /exited with code 3 before listening[^]*cannot open the store/,
  );
});

Deno.test("startServer gives up on a server that never listens and kills it", async () => {
  await assert.rejects(
    startServer({
      entry: FIXTURE,
      env: { FIXTURE_MODE: "silent" },
      timeoutMs: 1_500,
    }),
    /did not print its listening line within 1.5 s/,
  );
  assert.deepEqual(fixtureChildren(), []);
});

Deno.test("pixels: colours, and probing an image against its background", () => {
  assert.deepEqual(parseHexColor("#F0a0ff"), [240, 160, 255]);
  assert.throws(() => parseHexColor("red"), /not a #rrggbb colour/);
  assert.equal(differsClearly([240, 240, 240], [245, 230, 240]), false);
  assert.equal(differsClearly([240, 240, 240], [200, 240, 240]), true);

  // A 20×10 grey image, drawn at twice the CSS resolution, with one red pixel at (13, 5).
  const width = 20, height = 10;
  const data = new Uint8Array(width * height * 4).fill(240);
  data.set([220, 40, 40, 255], (5 * width + 13) * 4);
  const image = decodeImage(
    encode({ width, height, data, channels: 4, depth: 8 }),
  );
  assert.deepEqual(image.pixel(13, 5), [220, 40, 40]);
  assert.equal(image.pixel(20, 0), undefined);
  // (6, 2) lands at (12, 4), next to the red pixel; (2, 2) and (50, 2) see only grey or nothing.
  const result = probe(image, [[6, 2], [2, 2], [50, 2]], [240, 240, 240], 2);
  assert.deepEqual(result, { hits: [[6, 2]], misses: [[2, 2], [50, 2]] });
});

Deno.test("pages are recorded: requests, errors, readiness, screenshots, maps", puppeteerOptions, async (t) => {
  await using server = await startServer({ entry: FIXTURE });
  await using browser = await launchBrowser();
  const open = (path: string) => openPage(browser, `${server.url}${path}`, VIEWPORT);

  await t.step("a same-origin page makes no foreign request", async () => {
    await using opened = await open("");
    const { page, requests, errors, foreignRequests } = opened;
    await waitReady(page);
    assert.deepEqual(requests, [server.url, `${server.url}dot.svg`]);
    assert.deepEqual(foreignRequests(), []);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    const file = await screenshot(page, "harness-home");
    const image = decodeImage(await Deno.readFile(file));
    assert.deepEqual([image.width, image.height], [VIEWPORT.width, VIEWPORT.height]);
  });

  await t.step("requests to other origins are foreign, data: and blob: are not", async () => {
    await using opened = await open("foreign");
    await waitReady(opened.page);
    assert.ok(opened.requests.includes("data:text/plain,local"));
    assert.ok(opened.requests.some((request) => request.startsWith("blob:")));
    assert.deepEqual(opened.foreignRequests().sort(), [
      "http://example.invalid/from-worker",
      "http://example.invalid/tile.png",
    ]);
  });

  await t.step("console errors and uncaught exceptions are recorded", async () => {
    await using opened = await open("errors");
    await waitReady(opened.page);
    const { errors } = opened;
    assert.equal(errors.length, 2, errors.join("\n"));
    assert.match(errors[0], /^console\.error: boom/);
    assert.match(errors[1], /^pageerror: Error: uncaught/);
  });

  await t.step("waitReady fails with the page's data-error", async () => {
    await using opened = await open("broken");
    await assert.rejects(waitReady(opened.page), /reported data-error: 数据加载失败/);
  });

  for (const query of ["", "?background"]) {
    await t.step(`probeMap finds the drawn points and misses the blank one (${query || "top-left"})`, async () => {
      await using opened = await open(`map${query}`);
      await waitReady(opened.page);
      const result = await probeMap(opened.page, "harness-map");
      assert.deepEqual(result.background, [240, 240, 240]);
      assert.deepEqual(result.hits, [[40, 30], [120, 80], [200, 150]]);
      assert.deepEqual(result.misses, [[300, 40]]);
    });
  }

  await t.step("an unknown path reports its 404 status", async () => {
    await using opened = await open("no-such-page");
    assert.equal(opened.response?.status(), 404);
  });
});
