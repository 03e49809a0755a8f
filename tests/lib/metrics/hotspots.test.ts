import assert from "node:assert/strict";
import { getResolution, latLngToCell } from "h3-js";
import { distanceNeighbours, hotspots, hotspotsInSql, type HotspotUnits } from "../../../lib/metrics/hotspots.ts";
import { ensureDemoStore } from "../../../lib/store/demo_store.ts";
import { openStoreDb } from "../../../lib/store/open_store_db.ts";

const dir = await Deno.makeTempDir({ prefix: "linli-hotspots-" });
await ensureDemoStore(dir, { tickets: 4000, seed: 7 });
const { db } = await openStoreDb(dir);
const [{ tickets: total }] = await db.query<{ tickets: number }>("SELECT count(*) AS tickets FROM tickets");

const UNITS: HotspotUnits[] = [
  { level: "h3", resolution: 8 },
  { level: "h3", resolution: 9, k: 2 },
  { level: "compound", distance: 400 },
  { level: "building", distance: 120 },
];

Deno.test("hot spots cover every unit of the study area, empty ones included, and count every ticket", async () => {
  for (const units of UNITS) {
    const spots = await hotspots(db, units);
    assert.equal(spots.reduce((sum, s) => sum + s.tickets, 0), total, units.level);
    assert.ok(spots.some((s) => s.tickets === 0), `${units.level}: no empty unit`);
    assert.ok(spots.some((s) => s.class.startsWith("hot")), `${units.level}: no hot spot`);
  }
  const cells = await hotspots(db, { level: "h3", resolution: 9 });
  assert.ok(cells.every((c) => getResolution(c.id) === 9));
  // The district is about 5.8 × 4.9 km, some 270 cells of 0.1 km² at resolution 9.
  assert.ok(cells.length > 250 && cells.length < 450, `${cells.length} cells`);
});

Deno.test("the SQL Gi* agrees with the TypeScript one at every level", async () => {
  for (const units of UNITS) {
    const inTs = await hotspots(db, units, { statuses: ["open", "closed"] });
    const inSql = await hotspotsInSql(db, units, { statuses: ["open", "closed"] });
    assert.deepEqual(inSql.map((s) => [s.id, s.tickets, s.class]), inTs.map((s) => [s.id, s.tickets, s.class]));
    inSql.forEach((s, i) => assert.ok(Math.abs(s.z - inTs[i].z) < 1e-9, `${s.id}: ${s.z} vs ${inTs[i].z}`));
  }
});

Deno.test("a filter narrows the counts the hot spots are computed from", async () => {
  const [{ complaints }] = await db.query<{ complaints: number }>(
    "SELECT count(*) AS complaints FROM tickets WHERE kind = 'complaint'",
  );
  const spots = await hotspots(db, { level: "h3", resolution: 8 }, { kinds: ["complaint"] });
  assert.equal(spots.reduce((sum, s) => sum + s.tickets, 0), complaints);
  const none = await hotspots(db, { level: "compound", distance: 400 }, { kinds: [] });
  assert.ok(none.every((s) => s.tickets === 0 && s.class === "none"));
});

Deno.test("distance neighbours match a brute-force great-circle search", () => {
  const points = Array.from({ length: 300 }, (_, i) => {
    const [lat, lon] = [37.83 + ((i * 7919) % 1000) / 1000 * 0.045, 112.52 + ((i * 104729) % 1000) / 1000 * 0.066];
    return { lon, lat };
  });
  const haversine = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) => {
    const rad = Math.PI / 180;
    const h = Math.sin((b.lat - a.lat) * rad / 2) ** 2 +
      Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin((b.lon - a.lon) * rad / 2) ** 2;
    return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
  };
  const found = distanceNeighbours(points, 500);
  points.forEach((a, i) => {
    // Pairs within a metre of the threshold may fall either way between the two formulas.
    const sure = points.flatMap((b, j) => j !== i && haversine(a, b) <= 499 ? [j] : []);
    const possible = new Set(points.flatMap((b, j) => j !== i && haversine(a, b) <= 501 ? [j] : []));
    assert.ok(sure.every((j) => found[i].includes(j)), `point ${i} misses a neighbour`);
    assert.ok(found[i].every((j) => possible.has(j)), `point ${i} has a far neighbour`);
  });
});

Deno.test("a ticket outside the district outline keeps a cell of its own", async () => {
  const far = latLngToCell(38.5, 113.5, 8);
  await db.query(`INSERT INTO tickets (ticket_id, created_at, status, h3_r8)
    VALUES ('far-away', TIMESTAMP '2026-01-01 00:00:00', 'open', '${far}')`);
  try {
    const cells = await hotspots(db, { level: "h3", resolution: 8 });
    assert.deepEqual(cells.find((c) => c.id === far)?.tickets, 1);
    assert.equal(cells.reduce((sum, s) => sum + s.tickets, 0), total + 1);
  } finally {
    await db.query("DELETE FROM tickets WHERE ticket_id = 'far-away'");
  }
});

globalThis.addEventListener("unload", () => {
  db.close();
  Deno.removeSync(dir, { recursive: true });
});
