import assert from "node:assert/strict";
import { cellToParent, latLngToCell } from "h3-js";
import { parentOfR9 } from "../../../lib/import/tickets.ts";

Deno.test("the parents of a resolution-9 cell are h3-js's, anywhere on the globe", () => {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 100_000; i++) {
    // Half around the demo district, half anywhere (every base cell, both hemispheres).
    const [lat, lon] = i % 2
      ? [31.2 + random() * 0.1, 121.4 + random() * 0.1]
      : [random() * 180 - 90, random() * 360 - 180];
    const cell = latLngToCell(lat, lon, 9);
    assert.equal(parentOfR9(cell, 8), cellToParent(cell, 8), `${cell} at 8`);
    assert.equal(parentOfR9(cell, 7), cellToParent(cell, 7), `${cell} at 7`);
  }
  const r10 = latLngToCell(31.2, 121.4, 10);
  assert.equal(parentOfR9(r10, 7), cellToParent(r10, 7), "not a resolution-9 cell: h3-js answers");
});
