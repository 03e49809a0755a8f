/**
 * The street officials' map in headless Chromium: drilling from the district down to a
 * building and back (the breadcrumb and the browser's back button), the URL restoring
 * the same figures in a fresh browser context, a filter change and a drawn area agreeing
 * with a direct SQL count on the store, drilling by clicks on the map itself, a street's
 * worst overdue compound found from its ranking as the store ranks it, and nothing
 * requested from another host.
 */
import assert from "node:assert/strict";
import { booleanPointInPolygon } from "@turf/turf";
import type { Page } from "puppeteer-core";
import { type CompoundPoint, compoundsInArea, type LonLat } from "../../lib/drill/area.ts";
import { DRILL_LEVELS, type DrillLevel } from "../../lib/drill/path.ts";
import { decodeState, type MapState, resolveRange, stateFilter, withPlace } from "../../lib/drill/state.ts";
import { filterSql } from "../../lib/metrics/filter.ts";
import { publicationSql } from "../../lib/metrics/publication.ts";
import { sqlString } from "../../lib/metrics/sql.ts";
import { dataDir } from "../../lib/config.ts";
import { t as message } from "../../lib/i18n.ts";
import { openStoreDb } from "../../lib/store/open_store_db.ts";
import { launchBrowser } from "./chromium.ts";
import { openPage, screenshot, waitReady } from "./page.ts";
import { startServer } from "./server.ts";

const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];
const SETTLE_MS = 60_000;

/** Waits until the page shows `place` and has no query in flight. */
async function settled(page: Page, place: string) {
  await page.waitForSelector(`.drill[data-busy="false"][data-place="${place}"]`, { timeout: SETTLE_MS });
}

async function figures(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval(
    ".drill [data-metric]",
    (elements) => elements.map((e) => [e.getAttribute("data-metric")!, e.getAttribute("data-value")!]),
  );
  return Object.fromEntries(pairs);
}

/** Screenshots the page at both sizes, the map refitting in between; `prepare` runs before each. */
async function shoot(page: Page, level: string, prepare?: () => Promise<unknown>) {
  for (const viewport of VIEWPORTS.toReversed()) {
    await page.setViewport(viewport);
    await new Promise((r) => setTimeout(r, 600));
    await prepare?.();
    await screenshot(page, `map-${level}-${viewport.width}x${viewport.height}`);
  }
}

const currentPlace = (page: Page) => page.$eval(".drill", (e) => e.getAttribute("data-place")!);

/**
 * The filter the page's URL sets, without the place, as the page builds it: the default
 * range ends on the store's newest day.
 */
async function urlFilter(db: Awaited<ReturnType<typeof openStoreDb>>["db"], state: MapState) {
  const [newest] = await db.query<{ day: string }>(
    "SELECT CAST(CAST(max(created_at) + INTERVAL 8 HOUR AS DATE) AS VARCHAR) AS day FROM tickets",
  );
  return stateFilter(state, resolveRange(state, newest.day));
}

/** The tickets a page's URL selects, counted on the store itself; a drawn area's compounds found from `places`. */
async function storeCount(
  url: string,
): Promise<{ tickets: number; compounds: string[] | null; publicationRate: number | null }> {
  const { db } = await openStoreDb(dataDir());
  try {
    const state = decodeState(new URL(url).search);
    const points = await db.query<CompoundPoint>(
      "SELECT place_id AS id, lon, lat FROM places WHERE level = 'compound'",
    );
    const compounds = state.area && compoundsInArea(state.area, points);
    const filter = withPlace(await urlFilter(db, state), state.place, compounds);
    const [here] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ticket_facts WHERE ${filterSql(filter)}`);
    const [publication] = await db.query<{ publication_rate: number | null }>(publicationSql(filter));
    return { tickets: Number(here.n), compounds, publicationRate: publication.publication_rate };
  } finally {
    await db.close();
  }
}

/** A polygon or multi-polygon, as Turf takes it. */
type Outline = Parameters<typeof booleanPointInPolygon>[1];

/** What a click on the map can drill into, from the store: compounds in their street and community, buildings. */
interface ClickTargets {
  compounds: ({ lonLat: LonLat } & Record<"street" | "community" | "compound", string>)[];
  buildings: { building: string; compound: string; lonLat: LonLat }[];
  /** Each street's, community's, compound's and building's outline by `level:id`. */
  outlines: Map<string, Outline>;
}

async function clickTargets(): Promise<ClickTargets> {
  const { db } = await openStoreDb(dataDir());
  try {
    const places = await db.query<
      { id: string; level: string; street: string; community: string; lon: number; lat: number; geometry: string }
    >(`SELECT place_id AS id, level, street_id AS street, community_id AS community, lon, lat, geometry
FROM places WHERE level IN ('street', 'community', 'compound') AND geometry IS NOT NULL`);
    const buildings = await db.query<{ id: string; compound: string; lon: number; lat: number; geometry: string }>(
      `SELECT building_id AS id, compound_id AS compound, lon, lat, geometry FROM buildings
WHERE geometry IS NOT NULL AND lon IS NOT NULL`,
    );
    const outlines = new Map<string, Outline>();
    for (const p of [...places, ...buildings.map((b) => ({ ...b, level: "building" }))]) {
      const geometry = JSON.parse(p.geometry);
      if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") outlines.set(`${p.level}:${p.id}`, geometry);
    }
    return {
      compounds: places.filter((p) => p.level === "compound" && p.lon != null).map((p) => ({
        street: p.street,
        community: p.community,
        compound: p.id,
        lonLat: [p.lon, p.lat],
      })),
      buildings: buildings.map((b) => ({ building: b.id, compound: b.compound, lonLat: [b.lon, b.lat] })),
      outlines,
    };
  } finally {
    await db.close();
  }
}

/**
 * A point inside each child of `place` (`level:id` or `district`) at `level`: a building's
 * centre, a compound's, and for a street or a community the centres of the compounds in
 * it (its own centre may fall on a road). Only points inside the child's own outline.
 */
function childPoints(targets: ClickTargets, place: string, level: DrillLevel) {
  const [parentLevel, parentId] = place === "district" ? ["district", null] : place.split(":");
  const points = level === "building"
    ? targets.buildings.filter((b) => b.compound === parentId).map((b) => ({ id: b.building, lonLat: b.lonLat }))
    : targets.compounds
      .filter((c) => parentId === null || c[parentLevel as "street" | "community"] === parentId)
      .map((c) => ({ id: c[level as "street" | "community" | "compound"], lonLat: c.lonLat }));
  return points
    .map((p) => ({ place: `${level}:${p.id}`, lonLat: p.lonLat }))
    .filter((p) => {
      const outline = targets.outlines.get(p.place);
      return outline !== undefined && booleanPointInPolygon(p.lonLat, outline);
    });
}

/** A point's pixel in the Web Mercator world at `zoom`, in MapLibre's 512-px tiles. */
function worldPixel([lon, lat]: LonLat, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const y = Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
  return [(lon + 180) / 360 * size, (1 - y / Math.PI) / 2 * size];
}

/**
 * Where `lonLat`s are on the page: the camera is the one the page writes to its URL after
 * each move (`view=lon,lat,zoom,pitch`), the map's centre is its box's.
 */
async function project(page: Page, points: LonLat[]): Promise<{ x: number; y: number }[]> {
  const { view } = decodeState(new URL(page.url()).search);
  assert.ok(view, `the page wrote its camera to the URL: ${page.url()}`);
  assert.equal(view.pitch, 0, "the map is seen from straight above");
  const box = (await (await page.$(".drill-map"))!.boundingBox())!;
  const [cx, cy] = worldPixel([view.lon, view.lat], view.zoom);
  return points.map((point) => {
    const [x, y] = worldPixel(point, view.zoom);
    return { x: box.x + box.width / 2 + x - cx, y: box.y + box.height / 2 + y - cy };
  });
}

/** Waits until the URL holds `place` and the camera the map was fitted to for it. */
async function fitted(page: Page, place: string) {
  await page.waitForFunction(
    (place) => {
      const p = new URLSearchParams(location.search);
      return p.has("view") && (p.get("place") ?? "district") === place;
    },
    { timeout: SETTLE_MS },
    place,
  );
}

/**
 * Of `candidates`, the one nearest the map's centre whose point is on the map's canvas
 * (not under the map's controls), with its point on the page.
 */
async function clickable(page: Page, candidates: { place: string; lonLat: LonLat }[]) {
  const points = await project(page, candidates.map((c) => c.lonLat));
  const box = (await (await page.$(".drill-map"))!.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const order = candidates.map((c, i) => ({ ...c, point: points[i] }))
    .sort((a, b) => Math.hypot(a.point.x - cx, a.point.y - cy) - Math.hypot(b.point.x - cx, b.point.y - cy));
  for (const candidate of order) {
    const onCanvas = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.classList.contains("maplibregl-canvas") ?? false,
      candidate.point,
    );
    if (onCanvas) return candidate;
  }
  throw new Error(`no child of ${await currentPlace(page)} is on the map's canvas`);
}

/**
 * Clicks the map at `point` until the page shows a place at `level`: a click before the
 * tiles at the new zoom are in finds nothing under it (or the current place) and drills
 * nowhere, so it is tried again, a few times at most.
 */
async function clickToDrill(page: Page, point: { x: number; y: number }, level: string) {
  for (let attempt = 1;; attempt++) {
    await page.mouse.click(point.x, point.y);
    try {
      await page.waitForSelector(`.drill[data-place^="${level}:"]`, { timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Each compound of `street` with open tickets and how many of them are overdue, worst first, as the store says. */
async function storeOverdue(url: string, street: string): Promise<{ id: string; overdue: number }[]> {
  const { db } = await openStoreDb(dataDir());
  try {
    const filter = await urlFilter(db, decodeState(new URL(url).search));
    // The backlog is what is open at the range's end, whenever it came in (compoundLayerSql's "overdue").
    const open = { ...filter, from: undefined, statuses: undefined };
    const rows = await db.query<{ id: string; overdue: number }>(
      `SELECT compound_id AS id, count(*) FILTER (WHERE overdue_open) AS overdue
FROM ticket_facts
WHERE ${filterSql(open)} AND street_id = ${sqlString(street)} AND status = 'open' AND compound_id IS NOT NULL
GROUP BY ALL ORDER BY overdue DESC, id`,
    );
    return rows.map((r) => ({ id: r.id, overdue: Number(r.overdue) }));
  } finally {
    await db.close();
  }
}

/** A compound's top categories under the URL's filter and its number of buildings, as the store says. */
async function storeCompound(url: string, compound: string): Promise<{ categories: string[]; buildings: number }> {
  const { db } = await openStoreDb(dataDir());
  try {
    const state = decodeState(new URL(url).search);
    const filter = withPlace(await urlFilter(db, state), { level: "compound", id: compound });
    const categories = await db.query<{ category: string | null }>(
      `SELECT category, count(*) AS tickets FROM ticket_facts WHERE ${filterSql(filter)}
GROUP BY ALL ORDER BY tickets DESC, category LIMIT 5`,
    );
    const [buildings] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM buildings WHERE compound_id = ${sqlString(compound)}`,
    );
    const named = categories.map((r) => r.category ?? message("zh-CN", "drill.unknown"));
    return { categories: named, buildings: Number(buildings.n) };
  } finally {
    await db.close();
  }
}

Deno.test("the drill-down map", { sanitizeResources: false, sanitizeOps: false }, async (t) => {
  await using server = await startServer();
  await using browser = await launchBrowser();
  const path: string[] = [];

  await t.step("drills from the district to a building and climbs back with the browser's back button", async () => {
    await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[0]);
    const { page } = opened;
    await waitReady(page);
    await settled(page, "district");
    await shoot(page, "district");
    path.push("district");
    for (const level of DRILL_LEVELS.slice(1)) {
      // A compound's buildings may still be on their way: they join the ladder after the first figures.
      const target = await page.waitForSelector(`[data-pick^="${level}:"]`).then((e) =>
        e!.evaluate((e) => e.getAttribute("data-pick")!)
      );
      await page.click(`[data-pick="${target}"]`);
      await settled(page, target);
      const crumbs = await page.$$eval(".breadcrumb > span", (e) => e.length);
      assert.equal(crumbs, DRILL_LEVELS.indexOf(level) + 1, `breadcrumb at ${target}`);
      await shoot(page, level);
      path.push(target);
    }
    const reporters = await page.$$eval(".ticket-list tbody td:last-child", (cells) => cells.map((c) => c.textContent));
    // As the role may see them: the harness acts as an admin (LINLI_ACCESS_UNENFORCED), who sees them as stored;
    // a masked role's panel is checked over a masked scope in tests/lib/privacy/builders.test.ts.
    assert.ok(reporters.some((text) => /\d{11}/.test(text ?? "")), `the reporters as stored: ${reporters.slice(0, 3)}`);

    for (const expected of path.toReversed().slice(1)) {
      await page.goBack();
      await settled(page, expected);
      assert.equal(await currentPlace(page), expected);
    }
    // The breadcrumb leads back up as well.
    await page.goForward();
    await settled(page, path[1]);
    await page.click('[data-crumb="district"]');
    await settled(page, "district");
    assert.deepEqual(opened.errors, []);
    assert.deepEqual(opened.foreignRequests(), []);
  });

  await t.step("a building's link opens at the building, its breadcrumb whole from the first figures", async () => {
    const building = path.at(-1)!;
    const url = `${server.url}map?place=${building}`;
    await using opened = await openPage(browser, url, VIEWPORTS[1]);
    const { page } = opened;
    await waitReady(page);
    // The buildings come with the places here, so the first figures already name the building's compound.
    const crumbs = await page.$$eval(".breadcrumb > span", (e) => e.map((s) => s.textContent));
    assert.equal(crumbs.length, DRILL_LEVELS.length, `the breadcrumb at ready: ${crumbs.join(" ")}`);
    await settled(page, building);
    assert.equal(await currentPlace(page), building);
    assert.deepEqual(opened.errors, []);
  });

  await t.step("a filter change gives the store's own count, and the URL restores the same figures", async () => {
    const compound = path[3];
    await using opened = await openPage(browser, `${server.url}map?place=${compound}`, VIEWPORTS[0]);
    const { page } = opened;
    await waitReady(page);
    await settled(page, compound);
    await page.click('.choices.compact [data-choice="open"]');
    await page.waitForFunction(() => location.search.includes("status="));
    await settled(page, compound);
    const shown = await figures(page);
    const url = page.url();

    const here = await storeCount(url);
    assert.equal(Number(shown.filtered_tickets), here.tickets);
    assert.equal(Number(shown.tickets), here.tickets);
    assert.ok(here.tickets > 0, "the compound has closed tickets in the range");

    await using context = await browser.createBrowserContext();
    // In English and at the smaller size: the figures are the same numbers.
    await using again = await openPage(context, `${url}&lang=en`, VIEWPORTS[1]);
    await waitReady(again.page);
    await settled(again.page, compound);
    assert.deepEqual(await figures(again.page), shown);
    assert.match(await again.page.$eval(".drill-panel", (e) => e.textContent ?? ""), /Organisation coverage/);
    await screenshot(again.page, "map-compound-filtered-en-1366x768");
    assert.deepEqual([...opened.errors, ...again.errors], []);
    assert.deepEqual([...opened.foreignRequests(), ...again.foreignRequests()], []);
  });

  await t.step("the map keeps the size it first drew at: the charts arriving later do not shrink it", async () => {
    for (const viewport of VIEWPORTS) {
      await using opened = await openPage(browser, `${server.url}map`, viewport);
      const { page } = opened;
      // The first frame is drawn from the tiles, before the store (and so the charts) is in.
      await page.waitForSelector('.linli-map[data-drawn="true"]', { timeout: SETTLE_MS });
      const size = () => page.$eval(".linli-map canvas", (c) => `${c.clientWidth}x${c.clientHeight}`);
      const first = await size();
      await waitReady(page);
      await settled(page, "district");
      assert.equal(
        await size(),
        first,
        `at ${viewport.width}×${viewport.height} the district was fitted to another size`,
      );
    }
  });

  await t.step("a filter change leaves the map its size: the canvas is not resized while a control moves", async () => {
    for (const viewport of VIEWPORTS) {
      await using opened = await openPage(browser, `${server.url}map`, viewport);
      const { page } = opened;
      await waitReady(page);
      await settled(page, "district");
      const size = () => page.$eval(".linli-map canvas", (c) => `${c.clientWidth}x${c.clientHeight}`);
      const before = await size();
      for (const choice of [".choices:not(.compact) [data-choice]", ".choices.compact [data-choice]"]) {
        await page.click(choice);
        await page.waitForSelector(".drill-charts:not(.stale)");
        await settled(page, "district");
        assert.equal(await size(), before, `after a click on ${choice} at ${viewport.width}×${viewport.height}`);
        // …and the titles beside 全部 are still shown whole.
        const cut = await page.$$eval(
          ".chart header h3",
          (titles) =>
            titles.filter((h) => h.clientWidth === 0 || h.scrollWidth > h.clientWidth).map((h) => h.textContent),
        );
        assert.deepEqual(cut, [], `titles cut at ${viewport.width}×${viewport.height}`);
      }
      assert.deepEqual(opened.errors, []);
    }
  });

  await t.step("a drawn area filters by its compounds, agrees with the store and survives its URL", async () => {
    await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[0]);
    const { page } = opened;
    await waitReady(page);
    await settled(page, "district");
    await page.click('[data-action="draw-area"]');
    assert.equal(await page.$eval('[data-action="draw-area"]', (e) => e.getAttribute("aria-pressed")), "true");
    const box = (await (await page.$(".drill-map"))!.boundingBox())!;
    const [x, y, r] = [box.x + box.width / 2, box.y + box.height / 2, Math.min(box.width, box.height) / 5];
    for (const [dx, dy] of [[-1, -1], [1, -1], [1.2, 0.8], [-0.8, 1]]) await page.mouse.click(x + dx * r, y + dy * r);
    await screenshot(page, "map-area-drawing-1920x1080");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.search.includes("area="));
    await page.waitForSelector('.drill[data-busy="false"][data-place="district"][data-area-compounds]', {
      timeout: SETTLE_MS,
    });
    const shown = await figures(page);
    const url = page.url();
    const here = await storeCount(url);
    assert.ok(here.compounds && here.compounds.length > 0, "the area takes in compounds");
    const count = await page.$eval(".drill", (e) => Number(e.getAttribute("data-area-compounds")));
    assert.equal(count, here.compounds.length);
    assert.equal(Number(shown.filtered_tickets), here.tickets);
    assert.equal(Number(shown.tickets), here.tickets);
    // Beside the three rates: publication within 7 days, as the store's metric gives it.
    assert.ok(here.publicationRate != null && Math.abs(Number(shown.publication_rate) - here.publicationRate) < 1e-9);
    assert.equal(await page.$eval(".drill-panel h2", (e) => e.textContent), `所选区域（${count}个小区）`);
    await shoot(page, "area");

    await using context = await browser.createBrowserContext();
    await using again = await openPage(context, url, VIEWPORTS[1]);
    await waitReady(again.page);
    await settled(again.page, "district");
    assert.deepEqual(await figures(again.page), shown);
    await screenshot(again.page, "map-area-restored-1366x768");

    // Draw mode is off again: a click on the map drills, and picking a place clears the area.
    await page.mouse.click(x, y);
    await page.waitForFunction(() => !location.search.includes("area="));
    const street = await currentPlace(page);
    assert.match(street, /^street:/);
    await settled(page, street);
    assert.deepEqual([...opened.errors, ...again.errors], []);
    assert.deepEqual([...opened.foreignRequests(), ...again.foreignRequests()], []);
  });

  await t.step("drills by clicking the map, from the district down to a building", async () => {
    const targets = await clickTargets();
    await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[0]);
    const { page } = opened;
    await waitReady(page);
    await settled(page, "district");
    let place = "district";
    for (const level of DRILL_LEVELS.slice(1)) {
      await fitted(page, place);
      const children = childPoints(targets, place, level);
      assert.ok(children.length > 0, `${place} has a ${level} to click`);
      const { place: child, point } = await clickable(page, children);
      const crumbs = await page.$$eval(".breadcrumb > span", (e) => e.length);
      await clickToDrill(page, point, level);
      await settled(page, child);
      assert.equal(await currentPlace(page), child, `the click at ${level} lands in ${child}`);
      assert.equal(await page.$$eval(".breadcrumb > span", (e) => e.length), crumbs + 1, `breadcrumb at ${child}`);
      assert.equal(new URL(page.url()).searchParams.get("place"), child);
      place = child;
      await fitted(page, place);
      await screenshot(page, `map-click-${level}-1920x1080`);
    }
    assert.deepEqual(opened.errors, []);
    assert.deepEqual(opened.foreignRequests(), []);
  });

  await t.step(
    "a street official finds the compound with the worst overdue backlog in their street, sees why, and shares it",
    async () => {
      await using opened = await openPage(browser, `${server.url}map`, VIEWPORTS[0]);
      const { page } = opened;
      await waitReady(page);
      await settled(page, "district");
      const street = await page.$eval('[data-pick^="street:"]', (e) => e.getAttribute("data-pick")!);
      await page.click(`[data-pick="${street}"]`);
      await settled(page, street);
      await page.select(".map-controls select", "overdue");
      await page.waitForFunction(() => new URLSearchParams(location.search).get("layer") === "overdue");
      await settled(page, street);
      assert.match(await page.$eval(".ranking summary", (e) => e.textContent ?? ""), /超期未办结/);
      const ranked = await page.$$eval(".ranking li", (rows) =>
        rows.map((row) => ({
          id: row.querySelector("[data-rank]")!.getAttribute("data-rank")!,
          value: Number(row.querySelector(".num")!.getAttribute("data-value")),
        })));

      // The same ranking straight from the store: open tickets past their deadline, by compound.
      const store = await storeOverdue(page.url(), street.slice("street:".length));
      const worst = store[0].overdue;
      assert.ok(worst > 0, `${street} has overdue open tickets`);
      assert.equal(ranked.length, Math.min(10, store.length), "every compound with open tickets, ten at most");
      assert.equal(ranked[0].value, worst);
      const tied = store.filter((r) => r.overdue === worst).map((r) => r.id);
      assert.ok(tied.includes(ranked[0].id), `${ranked[0].id} is among the worst: ${tied.join(", ")}`);
      assert.deepEqual(ranked.map((r) => r.value), store.slice(0, ranked.length).map((r) => r.overdue));
      const byId = new Map(store.map((r) => [r.id, r.overdue]));
      for (const r of ranked) assert.equal(r.value, byId.get(r.id), `${r.id}'s overdue tickets`);
      await shoot(
        page,
        "street-overdue-ranking",
        () => page.$eval(".ranking", (e) => e.scrollIntoView({ block: "nearest" })),
      );

      // Opening the worst compound: what it is about, its buildings and repeats, its coverage.
      const compound = `compound:${ranked[0].id}`;
      await page.click(`[data-rank="${ranked[0].id}"]`);
      await settled(page, compound);
      assert.equal(await page.$eval(".map-controls select", (e) => (e as HTMLSelectElement).value), "overdue");
      const expected = await storeCompound(page.url(), ranked[0].id);
      // Each section of the panel: its heading, and what follows it (the list's items, or the figures).
      const sections = new Map(
        await page.$$eval(".place-panel h3", (hs) =>
          hs.map((h) => {
            const next = h.nextElementSibling;
            const items = next?.matches("ol, ul")
              ? [...next.querySelectorAll(":scope > li > :first-child")].map((e) => e.textContent ?? "")
              : [...next?.querySelectorAll("[data-metric]") ?? []].map((e) => e.getAttribute("data-metric")!);
            return [h.textContent ?? "", { tag: next?.tagName.toLowerCase(), items }] as const;
          })),
      );
      const titles = [...sections.keys()].join(" / ");
      assert.ok(expected.categories.length > 0, `${compound} has tickets in the range`);
      assert.deepEqual(sections.get("主要问题")?.items, expected.categories, "the top categories, as the store counts");
      const repeats = [...sections].find(([title]) => /^重复诉求（\d+）$/.test(title));
      assert.ok(repeats, `a repeats section: ${titles}`);
      const n = Number(repeats[0].match(/\d+/)![0]);
      if (n > 0) assert.equal(repeats[1].items.length, Math.min(n, 5), "the repeats listed, five at most");
      else assert.equal(repeats[1].tag, "p", "no repeats, said so");
      assert.deepEqual(sections.get("组织覆盖")?.items, [
        "compounds_with_branch_share",
        "buildings_with_group_share",
        "households_linked_share",
        "members_per_100_households",
      ], `a coverage section: ${titles}`);
      assert.ok(expected.buildings > 0, `${compound} has buildings`);
      await page.waitForSelector('[data-pick^="building:"]');
      assert.equal(await page.$$eval('[data-pick^="building:"]', (e) => e.length), expected.buildings, "its buildings");
      const shown = await figures(page);
      await screenshot(page, "map-street-overdue-worst-compound-1920x1080");

      // The link shows the same compound, figures and layer to whoever it is sent to.
      const url = page.url();
      await using context = await browser.createBrowserContext();
      await using again = await openPage(context, url, VIEWPORTS[1]);
      await waitReady(again.page);
      await settled(again.page, compound);
      assert.deepEqual(await figures(again.page), shown);
      assert.equal(await again.page.$eval(".map-controls select", (e) => (e as HTMLSelectElement).value), "overdue");
      assert.deepEqual([...opened.errors, ...again.errors], []);
      assert.deepEqual([...opened.foreignRequests(), ...again.foreignRequests()], []);
    },
  );
});
