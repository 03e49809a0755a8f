import { HOUR_MS, localMidnight } from "../../../lib/time.ts";
import assert from "node:assert/strict";
import {
  type Axis,
  createCubeSql,
  crossFilterCubes,
  cubeCountsSql,
  type CubeKey,
  VIEWS,
} from "../../../lib/metrics/cube.ts";
import type { Filter } from "../../../lib/metrics/filter.ts";
import { ensureDemoStore } from "../../../lib/store/demo_store.ts";
import { openStoreDb } from "../../../lib/store/open_store_db.ts";

const dir = await Deno.makeTempDir({ prefix: "linli-cube-" });
await ensureDemoStore(dir, { tickets: 5000, seed: 11 });
const { db } = await openStoreDb(dir);

/** Local (UTC+8) midnight of a calendar day, as epoch ms. */
const [street, community, compound] = await Promise.all(
  ["street", "community", "compound"].map(async (level) =>
    (await db.query<{ id: string }>(`SELECT min(place_id) AS id FROM places WHERE level = '${level}'`))[0].id
  ),
);

const mostCommon = async (column: string, n: number) =>
  (await db.query<{ v: string }>(`SELECT ${column} AS v FROM tickets GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${n}`))
    .map((r) => r.v);
const categories = await mostCommon("category", 2);
const sources = await mostCommon("source", 1);

const FILTERS: Filter[] = [
  {},
  { categories, statuses: ["open"] },
  { from: localMidnight("2025-03-01"), to: localMidnight("2025-09-15"), kinds: ["complaint", "help"] },
  { placeLevel: "street", placeIds: [street], sources },
  { placeLevel: "community", placeIds: [community], from: localMidnight("2024-01-01") },
  { placeLevel: "compound", placeIds: [compound], categories: [] },
];

const VIEW_GROUPINGS: Record<keyof typeof VIEWS, CubeKey[][]> = {
  timeline: [["day"], ["week"]],
  categories: [["category"]],
  map: [["compound"], ["community"], ["street"]],
};

const rounded = (rows: Record<string, unknown>[]) =>
  rows.map((row) => ({ ...row, resolution_hours: Math.round(Number(row.resolution_hours ?? 0) * 1000) }));

Deno.test("every cross-filter cube answers its views as the raw tickets do", async () => {
  for (const filter of FILTERS) {
    for (const active of ["time", "place", "category", "kind", "status"] as Axis[]) {
      const cubes = crossFilterCubes(active, filter);
      for (const [view, cube] of Object.entries(cubes)) {
        if (!cube) continue;
        await db.query(createCubeSql(cube));
        for (const groupBy of VIEW_GROUPINGS[view as keyof typeof VIEWS]) {
          const fromCube: Record<string, unknown>[] = await db.query(cubeCountsSql(cube, groupBy, filter));
          const fromTickets: Record<string, unknown>[] = await db.query(cubeCountsSql(null, groupBy, filter));
          const label = `${JSON.stringify(filter)} active ${active}, ${view} by ${groupBy}`;
          assert.deepEqual(rounded(fromCube), rounded(fromTickets), label);
        }
      }
    }
  }
});

Deno.test("a cube refuses a query it cannot answer exactly", () => {
  const { categories: cube } = crossFilterCubes("time", { kinds: ["complaint"] });
  assert.ok(cube);
  assert.throws(() => cubeCountsSql(cube, ["category"], { kinds: ["help"] }), /built for/);
  assert.throws(() => cubeCountsSql(cube, ["compound"], { kinds: ["complaint"] }), /does not keep compound/);
  assert.throws(
    () => cubeCountsSql(cube, ["category"], { kinds: ["complaint"], from: localMidnight("2025-01-01") + HOUR_MS }),
    /not a local midnight/,
  );
  const { timeline: byPlace } = crossFilterCubes("place", {});
  assert.throws(() => cubeCountsSql(byPlace, ["day"], { placeLevel: "grid", placeIds: ["g1"] }), /grids/);
});

Deno.test("a cube is far smaller than the tickets it summarises", async () => {
  const { categories: cube } = crossFilterCubes("time", {});
  await db.query(createCubeSql(cube!));
  const [{ rows, tickets }] = await db.query<{ rows: number; tickets: number }>(
    `SELECT count(*) AS rows, sum(tickets) AS tickets FROM "${cube!.table}"`,
  );
  assert.equal(tickets, 5000);
  assert.ok(rows < 5000, `${rows} rows`);
});

globalThis.addEventListener("unload", () => {
  db.close();
  Deno.removeSync(dir, { recursive: true });
});
