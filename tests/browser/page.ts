/**
 * Opens pages in the test browser with everything a test asserts on recorded: the
 * requests made, console errors and uncaught exceptions.
 */
import type { Browser, BrowserContext, HTTPResponse, Page } from "puppeteer-core";
import { SESSION_COOKIE } from "../../lib/access/request.ts";
import { decodeImage, parseHexColor, type Point, probe, type ProbeResult, type Rgb } from "./pixels.ts";

const READY_TIMEOUT_MS = 60_000;
export const SCREENSHOT_DIR = new URL("../screenshots/", import.meta.url);
export const MAP_SELECTOR = ".linli-map";

/** Disposing it closes the page. */
export interface RecordedPage extends AsyncDisposable {
  page: Page;
  /** The navigation's response; null only for navigations within the page. */
  response: HTTPResponse | null;
  /** Every request URL, in the order made. */
  requests: string[];
  /** Console errors and uncaught exceptions, as readable lines. */
  errors: string[];
  /** Requests that left the page's origin, which an offline product must never make. */
  foreignRequests(): string[];
}

/** What each open page has reported, so a wait that times out can say what the page went through. */
const pageErrors = new WeakMap<Page, string[]>();

/** Per server origin, the session cookie pages carry unless told otherwise (startServer signs in as admin). */
const defaultSessions = new Map<string, string>();

export function setDefaultSession(serverUrl: string, value: string): void {
  defaultSessions.set(new URL(serverUrl).origin, value);
}

export interface OpenOptions {
  /** The session cookie's value to open the page with; null for none; by default the server's admin session. */
  session?: string | null;
  /** Runs on the new tab before it navigates, e.g. to install a script every document runs first. */
  beforeNavigation?: (page: Page) => Promise<unknown>;
}

/** Inline and in-memory resources reach no server, whatever their origin says. */
function isLocalResource(url: string): boolean {
  return url.startsWith("data:") || url.startsWith("blob:");
}

/** Opens `url` in a new tab of `browser`, or of a context of it for a cold cache. */
export async function openPage(
  browser: Browser | BrowserContext,
  url: string,
  viewport: { width: number; height: number },
  options: OpenOptions = {},
): Promise<RecordedPage> {
  const page = await browser.newPage();
  const origin = new URL(url).origin;
  const session = options.session === undefined ? defaultSessions.get(origin) : options.session;
  const domain = new URL(url).hostname;
  if (session) {
    await page.browserContext().setCookie({
      name: SESSION_COOKIE,
      value: session,
      domain,
      path: "/",
      httpOnly: true,
      sameSite: "Strict",
    });
  } else {
    // A context opened earlier with a session keeps its cookie: "none" must mean none.
    const stale = (await page.browserContext().cookies()).filter((c) => c.name === SESSION_COOKIE);
    if (stale.length) await page.browserContext().deleteCookie(...stale);
  }
  await page.setViewport(viewport);
  const requests: string[] = [];
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    errors.push(
      `console.error: ${message.text()}${source ? ` (${source})` : ""}`,
    );
  });
  page.on("pageerror", (error) => {
    errors.push(
      `pageerror: ${error instanceof Error ? error.stack ?? error.message : error}`,
    );
  });
  await options.beforeNavigation?.(page);
  const response = await page.goto(url, {
    waitUntil: "load",
    timeout: READY_TIMEOUT_MS,
  });
  return {
    page,
    response,
    requests,
    errors,
    foreignRequests: () =>
      requests.filter((request) => !isLocalResource(request) && new URL(request).origin !== origin),
    [Symbol.asyncDispose]: () => page.close(),
  };
}

/** Waits for the page's own readiness signal, `<html data-ready="true">`, or its `data-error`. */
export async function waitReady(page: Page): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const { ready, error } = document.documentElement.dataset;
        return ready === "true" || error !== undefined;
      },
      // Checked on every DOM change, so a benchmark sees the moment the page gets ready.
      { timeout: READY_TIMEOUT_MS, polling: "mutation" },
    );
  } catch (e) {
    const state = await page.evaluate(() => ({
      page: { ...document.documentElement.dataset },
      map: { ...(document.querySelector<HTMLElement>(".linli-map")?.dataset ?? {}) },
      readyState: document.readyState,
    })).catch((reason) => `unreadable: ${reason}`);
    throw new Error(
      `${page.url()} did not set data-ready within ${READY_TIMEOUT_MS / 1000} s; the page's state: ${
        JSON.stringify(state)
      }; its errors: ${JSON.stringify(pageErrors.get(page) ?? [])}`,
      { cause: e },
    );
  }
  const error = await page.evaluate(() => document.documentElement.dataset.error);
  if (error !== undefined) {
    throw new Error(`${page.url()} reported data-error: ${error}`);
  }
}

/**
 * Marks the page's document, so that `newDocumentLoaded` waits for another one: puppeteer's
 * waitForNavigation also ends on a page's own history.replaceState (the map's idle URL
 * write), a navigation of the same document.
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(globalThis, { markedDocument: true }));
}

/** Waits until a document other than the one marked by `markDocument` has loaded. */
export async function newDocumentLoaded(page: Page, timeout = READY_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(() => !("markedDocument" in globalThis) && document.readyState === "complete", {
    timeout,
    polling: 100,
  });
}

/**
 * Waits until the page's own engine holds the store (ui/common/store.ts): its first figures
 * may come from the server's answers before.
 */
export async function waitEngine(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.engine === "local", {
    timeout: READY_TIMEOUT_MS,
    polling: "mutation",
  });
}

/** Saves a PNG as `tests/screenshots/<name>.png`. */
export async function save(png: Uint8Array, name: string): Promise<URL> {
  await Deno.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = new URL(`${name}.png`, SCREENSHOT_DIR);
  await Deno.writeFile(file, png);
  return file;
}

/** Saves the viewport as `tests/screenshots/<name>.png`, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<URL> {
  return await save(await page.screenshot({ type: "png" }), name);
}

export interface MapProbe extends ProbeResult {
  background: Rgb;
}

/**
 * Waits for the page's map to report `data-map-ready="true"`, screenshots it (saved as
 * `<name>.png`) and checks the pixels at the points its `data-probe` says compounds are
 * drawn against its `data-background` colour, or the colour of its top-left pixel.
 */
export async function probeMap(page: Page, name: string): Promise<MapProbe> {
  const map = await page.waitForSelector(
    `${MAP_SELECTOR}[data-map-ready="true"]`,
    {
      timeout: READY_TIMEOUT_MS,
    },
  );
  if (!map) throw new Error(`${MAP_SELECTOR} disappeared`);
  const attributes = await map.evaluate((element) => ({
    probe: element.getAttribute("data-probe"),
    background: element.getAttribute("data-background"),
    width: element.getBoundingClientRect().width,
  }));
  if (attributes.probe === null) {
    throw new Error(`${MAP_SELECTOR} has no data-probe`);
  }
  const points: Point[] = JSON.parse(attributes.probe);
  // Not beyond the viewport: Chrome would resize the page for the capture, and a WebGL canvas resized is blank
  // until MapLibre draws it again (the picture then shows a half-drawn or empty map).
  const png = await map.screenshot({ type: "png", captureBeyondViewport: false });
  await save(png, name);
  const image = decodeImage(png);
  const background = attributes.background === null ? image.pixel(0, 0)! : parseHexColor(attributes.background);
  return {
    ...probe(image, points, background, image.width / attributes.width),
    background,
  };
}
