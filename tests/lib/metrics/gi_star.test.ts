import assert from "node:assert/strict";
import { gridDisk, gridDistance, latLngToCell } from "h3-js";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { ringNeighbours } from "../../../lib/h3/cells.ts";
import { giClass, giStar, giStarSql, twoSidedP } from "../../../lib/metrics/gi_star.ts";

/** A 5×5 grid with a busy north-west corner, row by row. */
const GRID = [
  [10, 8, 1, 0, 0],
  [9, 7, 2, 0, 1],
  [3, 2, 1, 1, 0],
  [0, 1, 0, 2, 1],
  [0, 0, 1, 1, 0],
];
const VALUES = GRID.flat();
const SIZE = GRID.length;

function gridNeighbours(queen: boolean): number[][] {
  return VALUES.map((_, i) => {
    const [r, c] = [Math.floor(i / SIZE), i % SIZE];
    const found: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const inside = r + dr >= 0 && r + dr < SIZE && c + dc >= 0 && c + dc < SIZE;
        const touches = queen || dr === 0 || dc === 0;
        if ((dr || dc) && inside && touches) found.push((r + dr) * SIZE + c + dc);
      }
    }
    return found;
  });
}

/**
 * Gi* as Ord & Getis (1995) write it, with a full weight matrix (w_ii = 1) and general
 * weights: written apart from lib/metrics/gi_star.ts, which uses the binary shortcut.
 */
function textbookGiStar(x: number[], w: number[][]): number[] {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean ** 2);
  return x.map((_, i) => {
    let wx = 0, sw = 0, sw2 = 0;
    for (let j = 0; j < n; j++) {
      wx += w[i][j] * x[j];
      sw += w[i][j];
      sw2 += w[i][j] ** 2;
    }
    return (wx - mean * sw) / (s * Math.sqrt((n * sw2 - sw ** 2) / (n - 1)));
  });
}

function weightMatrix(neighbours: number[][]): number[][] {
  return neighbours.map((list, i) => {
    const row = new Array(neighbours.length).fill(0);
    for (const j of [i, ...list]) row[j] = 1;
    return row;
  });
}

const close = (actual: number, expected: number, tolerance: number, what = "") =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not ${expected} ± ${tolerance}`);

Deno.test("Gi* on the 5×5 grid matches values worked out by hand", () => {
  // Σx = 51, Σx² = 323, n = 25: mean 2.04, S = √(323/25 − 2.04²) = √8.7584 = 2.95946.
  const rook = giStar(VALUES, gridNeighbours(false));
  // (0,0) with rook neighbours (0,1) and (1,0): lag 10 + 8 + 9 = 27 over W = 3.
  // z = (27 − 2.04·3) / (2.95946 · √((25·3 − 3²)/24)) = 20.88 / (2.95946 · 1.65831) = 4.255
  close(rook.z[0], 4.255, 5e-4, "rook (0,0)");
  // (2,2): itself 1, north 2, south 0, west 2, east 1: lag 6 over W = 5.
  // z = (6 − 2.04·5) / (2.95946 · √((125 − 25)/24)) = −4.2 / 6.04097 = −0.695
  close(rook.z[12], -0.695, 5e-4, "rook (2,2)");
  // (1,1) with its 8 queen neighbours: lag 10+8+1+9+7+2+3+2+1 = 43 over W = 9.
  // z = (43 − 18.36) / (2.95946 · √((225 − 81)/24)) = 24.64 / 7.24919 = 3.399
  const queen = giStar(VALUES, gridNeighbours(true));
  close(queen.z[6], 3.399, 5e-4, "queen (1,1)");
  assert.equal(rook.classes[0], "hot99");
  assert.equal(rook.classes[12], "none");
});

Deno.test("Gi* agrees with the textbook formula on the grid, rook and queen", () => {
  for (const queen of [false, true]) {
    const neighbours = gridNeighbours(queen);
    const expected = textbookGiStar(VALUES, weightMatrix(neighbours));
    giStar(VALUES, neighbours).z.forEach((z, i) => close(z, expected[i], 1e-9, `cell ${i}`));
  }
});

Deno.test("Gi* agrees with the textbook formula on H3 cells, with neighbours found another way", () => {
  const centre = latLngToCell(37.85, 112.55, 9);
  const cells = gridDisk(centre, 4).sort();
  // Busier towards one side, so that both hot and cold spots appear.
  const values = cells.map((cell, i) => (cell.charCodeAt(cell.length - 2) % 5) + (i < 20 ? 6 : 0));
  for (const k of [1, 2]) {
    const matrix = cells.map((a) => cells.map((b) => gridDistance(a, b) <= k ? 1 : 0));
    const expected = textbookGiStar(values, matrix);
    giStar(values, ringNeighbours(cells, k)).z.forEach((z, i) => close(z, expected[i], 1e-9, `k=${k} ${cells[i]}`));
  }
});

Deno.test("p-values and classes at the 90/95/99 % critical values", () => {
  close(twoSidedP(1.644854), 0.10, 1e-6);
  close(twoSidedP(-1.959964), 0.05, 1e-6);
  close(twoSidedP(2.575829), 0.01, 1e-6);
  close(twoSidedP(0), 1, 1e-6);
  assert.deepEqual(
    [2.6, 2.0, 1.7, 1.6, -1.7, -2.0, -2.6].map((z) => giClass(z, twoSidedP(z))),
    ["hot99", "hot95", "hot90", "none", "cold90", "cold95", "cold99"],
  );
});

Deno.test("a study area without variance has no hot spots", () => {
  const flat = giStar([3, 3, 3, 3], [[1], [0, 2], [1, 3], [2]]);
  assert.deepEqual([...flat.z], [0, 0, 0, 0]);
  assert.deepEqual(flat.classes, ["none", "none", "none", "none"]);
  assert.throws(() => giStar([1, 2], [[5], [0]]), /neighbour 5/);
});

Deno.test("the SQL Gi* gives the same z, p and classes as the TypeScript one", async () => {
  const db = await openDenoDuckDB();
  const neighbours = gridNeighbours(true);
  const id = (i: number) => `c${String(i).padStart(2, "0")}`;
  const values = `SELECT * FROM (VALUES ${VALUES.map((v, i) => `('${id(i)}', ${v})`).join(", ")}) t(id, value)`;
  const pairs = neighbours.flatMap((list, i) => list.map((j) => `('${id(i)}', '${id(j)}')`));
  const rows = await db.query<{ id: string; z: number; p: number; class: string }>(
    giStarSql(values, `SELECT * FROM (VALUES ${pairs.join(", ")}) t(id, neighbour)`),
  );
  const expected = giStar(VALUES, neighbours);
  assert.deepEqual(rows.map((r) => r.id), VALUES.map((_, i) => id(i)));
  rows.forEach((row, i) => {
    close(row.z, expected.z[i], 1e-9, row.id);
    close(row.p, expected.p[i], 1e-12, row.id);
    assert.equal(row.class, expected.classes[i], row.id);
  });
  await db.close();
});
