/**
 * What each role's browser holds, signed in as that role on the demo store (issue 13): a
 * street official's DuckDB holds only their street's tickets yet the quarterly ranking
 * shows every street, and `?scope=full` changes nothing; a masked role's holds no phone
 * number and no name as stored; the wall loads no table, is refused the tickets, and
 * still shows its figures.
 */
import assert from "node:assert/strict";
import { tableFromIPC } from "apache-arrow";
import type { Page } from "puppeteer-core";
import { firstStreet } from "../../lib/access/demo_accounts.ts";
import { dataDir } from "../../lib/config.ts";
import { sqlString } from "../../lib/metrics/sql.ts";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const VIEWPORT = { width: 1366, height: 768 };
const MOBILE_PHONE = "^1[3-9][0-9]{9}$";
/** A mobile number inside free text, not part of a longer digit run. */
const PHONE_IN_TEXT = "(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)";
/** The most frequent raw names of the store looked for in a masked browser. */
const RAW_NAMES = 20;

/** The result grid's rows as text, once the workbench opened by `sqlUrl` ran its query in the page's own DuckDB. */
async function resultShown(page: Page): Promise<string[][]> {
  await waitReady(page);
  await page.waitForSelector(".grid-row", { timeout: 60_000 });
  return await page.$$eval(".grid-row", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
}

/** The workbench with `sql` in its URL, which runs it on load. */
const sqlUrl = (base: string, sql: string) => `${base}sql?q=${encodeURIComponent(sql)}`;

/** `path` fetched by the page itself, with its cookie: the status and the body's bytes. */
const fetchInPage = (page: Page, path: string) =>
  page.evaluate(async (path) => {
    const res = await fetch(path);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { status: res.status, base64: btoa(binary) };
  }, path).then(({ status, base64 }) => ({ status, bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) }));

/** Every [x, y] pair of numbers in a JSON value, e.g. a GeoJSON's coordinates. */
function pairsIn(value: unknown): [number, number][] {
  if (!value || typeof value !== "object") return [];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number")) {
    return [value as [number, number]];
  }
  return Object.values(value).flatMap(pairsIn);
}

Deno.test("what each role's browser holds", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await using server = await startServer();
  await using browser = await launchBrowser();
  const { db } = await openStoreDb(dataDir());
  const street = await firstStreet(dataDir());
  assert.ok(street, "the demo store has a street");
  const [store] = await db.query<{ streets: number; tickets: number; street_tickets: number; phones: number }>(
    `SELECT (SELECT count(*) FROM places WHERE level = 'street') AS streets, count(*) AS tickets,
      count(*) FILTER (WHERE street_id = ${sqlString(street.id)}) AS street_tickets,
      count(*) FILTER (WHERE regexp_matches(reporter_phone, '${MOBILE_PHONE}')) AS phones FROM tickets`,
  );
  const rawNames = (await db.query<{ name: string }>(
    `SELECT reporter_name AS name FROM tickets WHERE trim(reporter_name) <> ''
      GROUP BY reporter_name ORDER BY count(*) DESC, reporter_name LIMIT ${RAW_NAMES}`,
  )).map((r) => r.name);
  const ticketPoints = (await db.query<{ lon: number; lat: number }>(
    "SELECT DISTINCT lon, lat FROM tickets WHERE lon IS NOT NULL AND lat IS NOT NULL",
  )).map((r) => `${r.lon},${r.lat}`);
  await db.close();
  assert.ok(Number(store.street_tickets) > 0 && Number(store.street_tickets) < Number(store.tickets));
  assert.ok(Number(store.phones) > 0, "the store holds phone numbers");
  assert.equal(rawNames.length, RAW_NAMES, "the store holds names");

  await using streetContext = await browser.createBrowserContext();
  const streetSession = await server.signIn("street");

  await t.step(`a street official holds only ${street.name}'s tickets, masked`, async () => {
    const sql = `SELECT count(DISTINCT street_id) AS streets, min(street_id) AS street, count(*) AS n,
  count(*) FILTER (WHERE regexp_matches(reporter_phone, '${MOBILE_PHONE}')) AS phones FROM tickets`;
    await using opened = await openPage(streetContext, sqlUrl(server.url, sql), VIEWPORT, { session: streetSession });
    const { page, errors } = opened;
    assert.deepEqual(await resultShown(page), [["1", street.id, String(store.street_tickets), "0"]]);
    assert.deepEqual(errors, []);

    // The client no longer names a scope: asking for the full one gets the street's.
    const full = await fetchInPage(page, "/api/data/tickets.arrow?scope=full");
    assert.equal(full.status, 200);
    const table = tableFromIPC(full.bytes);
    assert.equal(table.numRows, Number(store.street_tickets));
    assert.deepEqual([...new Set(table.getChild("street_id")!.toArray())], [street.id]);
  });

  await t.step("yet the quarterly review ranks every street", async () => {
    await using opened = await openPage(streetContext, `${server.url}reviews/quarter/latest`, VIEWPORT, {
      session: streetSession,
    });
    const { page, errors } = opened;
    await waitReady(page);
    assert.match(new URL(page.url()).pathname, /^\/reviews\/quarter\/\d{4}-Q[1-4]$/);
    const rows = await page.$$eval(
      '[data-table="scorecard_streets"] tbody tr',
      (rows) =>
        rows.map((r) => ({
          place: r.getAttribute("data-place"),
          tickets: Number(r.querySelector('td[data-key="tickets"]')?.getAttribute("data-value")),
        })),
    );
    const places = rows.map((r) => r.place);
    assert.equal(new Set(places).size, Number(store.streets), places.join(" "));
    assert.ok(places.includes(street.id));
    // Other streets' figures, not blanks: each street has its tickets of the quarter.
    assert.ok(rows.every((r) => r.tickets > 0), JSON.stringify(rows));
    assert.deepEqual(errors, []);
  });

  await t.step("a masked role holds no phone number and no name as stored", async () => {
    const names = rawNames.map(sqlString).join(", ");
    const sql = `SELECT count(*) AS n,
  count(*) FILTER (WHERE regexp_matches(reporter_phone, '${MOBILE_PHONE}')) AS phones,
  count(*) FILTER (WHERE regexp_matches(concat_ws(' ', description, address, reply), '${PHONE_IN_TEXT}')) AS in_text,
  count(*) FILTER (WHERE reporter_name IN (${names})) AS raw_names,
  count(reporter_name) FILTER (WHERE reporter_name NOT LIKE '%*%') AS unmasked_names FROM tickets`;
    await using context = await browser.createBrowserContext();
    await using opened = await openPage(context, sqlUrl(server.url, sql), VIEWPORT, {
      session: await server.signIn("analyst"),
    });
    assert.deepEqual(await resultShown(opened.page), [[String(store.tickets), "0", "0", "0", "0"]]);
    assert.deepEqual(opened.errors, []);
  });

  await t.step("the wall holds no ticket row and no coordinates, and shows its figures", async () => {
    assert.ok(server.demoWallPath, "the server printed the demo wall's address");
    await using context = await browser.createBrowserContext();
    await using opened = await openPage(context, new URL(server.demoWallPath!, server.url).href, VIEWPORT, {
      session: null,
    });
    const { page, requests, errors } = opened;
    await waitReady(page);
    const paths = requests.map((r) => new URL(r).pathname);
    assert.deepEqual(paths.filter((p) => p.startsWith("/api/data/")), [], "the wall loads no table");
    assert.deepEqual(errors, [], "before the test's own requests");
    const scenes = requests.find((r) => new URL(r).pathname === "/api/wall/data");
    assert.ok(scenes, "the wall asked for its figures");
    for (const table of ["tickets", "callbacks"]) {
      const { status } = await fetchInPage(page, `/api/data/${table}.arrow`);
      assert.equal(status, 404, `${table}.arrow is not in the wall's scope`);
    }
    const { status, bytes } = await fetchInPage(page, new URL(scenes).pathname + new URL(scenes).search);
    assert.equal(status, 200);
    const text = new TextDecoder().decode(bytes);
    assert.doesNotMatch(text, /"(reporter_name|reporter_phone|address|description|reply)"/, "no residents' field");
    const body = JSON.parse(text);
    assert.doesNotMatch(JSON.stringify(body.data), /"(lon|lat|lng)"/, "the scenes carry no point");
    // Drawn are the district's outlines, roads and water, as on every role's map, and the hotspots' hexagons.
    assert.deepEqual(Object.keys(body.base ?? {}).sort(), ["communities", "compounds", "roads", "streets", "water"]);
    const drawn = new Set(pairsIn(body).map(([lon, lat]) => `${lon},${lat}`));
    assert.ok(drawn.size > 0, "the wall draws its map");
    assert.deepEqual(ticketPoints.filter((p) => drawn.has(p)).slice(0, 5), [], "no ticket's coordinates");
  });
});
