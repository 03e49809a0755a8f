import assert from "node:assert/strict";
import { type AreaRing, checkArea, compoundsInArea, decodeArea, encodeArea } from "../../../lib/drill/area.ts";

/** A grid position, rounded to the 5 decimals an area's corners have. */
const at = (column: number, row: number): [number, number] => [
  Number((112.5 + column / 100).toFixed(5)),
  Number((37.8 + row / 100).toFixed(5)),
];

/** Compounds on a 5 × 5 grid, 0.01° apart: `C<column><row>` at (112.50 + column/100, 37.80 + row/100). */
const GRID = Array.from({ length: 25 }, (_, k) => {
  const [column, row] = [k % 5, Math.floor(k / 5)];
  const [lon, lat] = at(column, row);
  return { id: `C${column}${row}`, lon, lat };
});

/** Around columns 1–2 and rows 1–2, with a margin of half a cell. */
const SQUARE: AreaRing = [at(0.5, 0.5), at(2.5, 0.5), at(2.5, 2.5), at(0.5, 2.5)];

Deno.test("an area round-trips through its URL text at 5 decimals", () => {
  const text = encodeArea(SQUARE);
  assert.equal(text, "112.50500,37.80500;112.52500,37.80500;112.52500,37.82500;112.50500,37.82500");
  assert.deepEqual(decodeArea(text), SQUARE);
  // What the page holds is already what a link restores.
  const drawn = checkArea([[112.123456789, 37.1], [112.2, 37.1], [112.2, 37.2]]);
  assert.ok("ring" in drawn);
  assert.deepEqual(drawn.ring[0], [112.12346, 37.1]);
  assert.deepEqual(decodeArea(encodeArea(drawn.ring)), drawn.ring);
});

Deno.test("a malformed area, or one of fewer than 3 distinct corners, is null", () => {
  for (
    const text of [
      null,
      "",
      "112.5,37.8;112.6,37.8",
      "112.5,37.8;112.6,37.8;112.6",
      "112.5,37.8;112.6,37.8;112.6,37.9,0",
      "112.5,37.8;112.6,37.8;east,37.9",
      "112.5,37.8;112.6,37.8;112.6,37.9;",
      "112.5,37.8;212.6,37.8;112.6,37.9",
      "112.5,37.8;112.5,37.8;112.6,37.9;112.6,37.9",
      // Three corners in a row enclose nothing.
      "112.5,37.8;112.6,37.8;112.7,37.8",
    ]
  ) assert.equal(decodeArea(text), null, String(text));
  // A closing corner repeating the first is dropped, as are repeats in a row.
  assert.deepEqual(decodeArea("112.5,37.8;112.6,37.8;112.6,37.8;112.6,37.9;112.5,37.8"), [
    [112.5, 37.8],
    [112.6, 37.8],
    [112.6, 37.9],
  ]);
  assert.deepEqual(checkArea([[112.5, 37.8], [112.6, 37.8]]), { problem: "too_few_points" });
});

Deno.test("the compounds whose centre is inside a square, or on its outline", () => {
  assert.deepEqual(compoundsInArea(SQUARE, GRID), ["C11", "C21", "C12", "C22"]);
  const onEdge: AreaRing = [at(1, 1), at(2, 1), at(2, 2), at(1, 2)];
  assert.deepEqual(compoundsInArea(onEdge, GRID), ["C11", "C21", "C12", "C22"]);
  assert.deepEqual(compoundsInArea(SQUARE, []), []);
  const away: AreaRing = [at(10, 10), at(11, 10), at(11, 11)];
  assert.deepEqual(compoundsInArea(away, GRID), []);
});

Deno.test("a concave area leaves out the compounds in its notch", () => {
  // A U over columns 0–4, rows 0–3, open at the top between columns 1 and 3.
  const u: AreaRing = [
    at(-0.5, -0.5),
    at(4.5, -0.5),
    at(4.5, 3.5),
    at(3.5, 3.5),
    at(3.5, 0.5),
    at(0.5, 0.5),
    at(0.5, 3.5),
    at(-0.5, 3.5),
  ];
  const inside = compoundsInArea(u, GRID);
  assert.deepEqual(inside, ["C00", "C10", "C20", "C30", "C40", "C01", "C41", "C02", "C42", "C03", "C43"]);
  for (const notch of ["C11", "C21", "C31", "C22", "C33"]) assert.ok(!inside.includes(notch), notch);
});

Deno.test("a self-crossing outline counts the loops it encloses; one that cannot be split is refused", () => {
  // A figure of eight: a left and a right triangle meeting at (2, 2.5), between compounds.
  const bowtie: AreaRing = [at(0.5, 0.5), at(3.5, 4.5), at(3.5, 0.5), at(0.5, 4.5)];
  assert.ok("ring" in checkArea(bowtie));
  assert.ok(decodeArea(encodeArea(bowtie)));
  // C22 and C23, just below and above the crossing, are in neither loop.
  assert.deepEqual(compoundsInArea(bowtie, GRID), ["C12", "C32", "C13", "C33"]);
  // Through the same corner twice: Turf cannot split it.
  const twice: AreaRing = [at(0, 0), at(2, 0), at(1, 1), at(2, 2), at(0, 2), at(1, 1)];
  assert.deepEqual(checkArea(twice), { problem: "self_crossing" });
  assert.equal(decodeArea(encodeArea(twice)), null);
  assert.throws(() => compoundsInArea(twice, GRID), /crosses itself/);
});
