/**
 * Whether a polygon's rings cross or touch themselves or each other anywhere but at the
 * shared vertex of consecutive edges. Every edge goes into a static R-tree (flatbush,
 * O(n log n) to build) and is tested only against the edges whose boxes meet its own,
 * so a boundary of a million vertices is checked in about a second. Written here because
 * sweepline-intersections, the library for this, tests each new edge against every edge
 * spanning the sweep position: 18 s for a million-vertex circle, growing faster than n log n.
 */
import Flatbush from "flatbush";
import type { PolygonCoords } from "./geometry.ts";

/** The sign of the turn a → b → c: 1 left, -1 right, 0 straight. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Whether c, collinear with a and b, lies within the box of a and b. */
function within(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

function segmentsMeet(s: Float64Array, i: number, j: number): boolean {
  const ax = s[4 * i], ay = s[4 * i + 1], bx = s[4 * i + 2], by = s[4 * i + 3];
  const cx = s[4 * j], cy = s[4 * j + 1], dx = s[4 * j + 2], dy = s[4 * j + 3];
  const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && within(ax, ay, bx, by, cx, cy)) || (o2 === 0 && within(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) || (o4 === 0 && within(cx, cy, dx, dy, bx, by));
}

/** True when any two edges of the polygon (closed rings) meet other than consecutive edges at their vertex. */
export function selfIntersects(polygon: PolygonCoords): boolean {
  const n = polygon.reduce((sum, ring) => sum + ring.length - 1, 0);
  const segments = new Float64Array(4 * n);
  /** For each edge, the index of the first and the last edge of its ring. */
  const ringFirst = new Int32Array(n), ringLast = new Int32Array(n);
  let k = 0;
  for (const ring of polygon) {
    const first = k;
    for (let v = 0; v < ring.length - 1; v++, k++) {
      segments[4 * k] = ring[v][0];
      segments[4 * k + 1] = ring[v][1];
      segments[4 * k + 2] = ring[v + 1][0];
      segments[4 * k + 3] = ring[v + 1][1];
    }
    ringFirst.fill(first, first, k);
    ringLast.fill(k - 1, first, k);
  }
  if (n < 3) return false;
  const boxes = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    const ax = segments[4 * i], ay = segments[4 * i + 1], bx = segments[4 * i + 2], by = segments[4 * i + 3];
    boxes[4 * i] = Math.min(ax, bx);
    boxes[4 * i + 1] = Math.min(ay, by);
    boxes[4 * i + 2] = Math.max(ax, bx);
    boxes[4 * i + 3] = Math.max(ay, by);
  }
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
  index.finish();
  const adjacent = (i: number, j: number) =>
    ringFirst[i] === ringFirst[j] &&
    (Math.abs(i - j) === 1 || (Math.min(i, j) === ringFirst[i] && Math.max(i, j) === ringLast[i]));
  let current = 0;
  const meets = (j: number) => j > current && !adjacent(current, j) && segmentsMeet(segments, current, j);
  for (; current < n; current++) {
    const i = current;
    const hits = index.search(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3], meets);
    if (hits.length) return true;
  }
  return false;
}
