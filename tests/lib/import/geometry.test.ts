/**
 * The packed polygons' tests against shapes whose answers are known: holes and the parts
 * of a MultiPolygon, rings given open or closed, and the separators between rings never
 * acting as an edge.
 */
import assert from "node:assert/strict";
import { PackedPolygons, type PolygonCoords, type PolygonGeometry } from "../../../lib/import/geometry.ts";

const square = (x0: number, y0: number, size: number, closed = true) => {
  const ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size]];
  return closed ? [...ring, [x0, y0]] : ring;
};
/** A 10 × 10 square with a 4 × 4 hole in its middle, and a second part 20 to the east. */
const holed: PolygonCoords = [square(0, 0, 10), square(3, 3, 4)];
const shapes: PolygonGeometry[] = [
  { type: "MultiPolygon", coordinates: [holed, [square(20, 0, 2)]] },
  { type: "Polygon", coordinates: [square(0, 20, 2, false)] },
];
const packed = new PackedPolygons(shapes);

Deno.test("a point in a hole is outside, in any part inside, an open ring as if closed", () => {
  assert.equal(packed.length, 2);
  assert.deepEqual([...packed.boxes], [0, 0, 22, 10, 0, 20, 2, 22]);
  const cases: [string, number, number, number, boolean][] = [
    ["in the ring around the hole", 0, 1, 1, true],
    ["in the hole", 0, 5, 5, false],
    ["between the parts, inside the box", 0, 15, 1, false],
    ["in the second part", 0, 21, 1, true],
    ["in the open ring", 1, 1, 21, true],
    ["outside the open ring's box", 1, 3, 21, false],
  ];
  for (const [what, i, x, y, inside] of cases) assert.equal(packed.contains(i, x, y), inside, what);
});

Deno.test("a box is wholly inside only where it touches no edge of any ring", () => {
  assert.ok(packed.containsBox(0, 0.5, 0.5, 2.5, 2.5));
  assert.ok(!packed.containsBox(0, 2, 2, 4, 4), "it crosses the hole's edge");
  assert.ok(!packed.containsBox(0, 4, 4, 6, 6), "it lies in the hole");
  assert.ok(packed.containsBox(1, 0.5, 20.5, 1.5, 21.5));
});

Deno.test("the nearest edge may be a hole's, never the step from one ring to the next", () => {
  const metres = (degrees: number, lat: number) => degrees * 111_320 * Math.cos((lat * Math.PI) / 180);
  // From (5, 5), the middle of the hole, every edge of the hole is 2 away, every outer one 5.
  assert.ok(Math.abs(packed.distanceToEdges(0, 5, 5) - metres(2, 5)) < 1e-6);
  // From (14, 1), between the parts: 4 to the outer ring's east edge; the separators (NaN) give nothing.
  assert.ok(Math.abs(packed.distanceToEdges(0, 14, 1) - metres(4, 1)) < 1e-6);
});
