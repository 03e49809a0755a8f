import assert from "node:assert/strict";
import {
  classOf,
  compoundStops,
  countBreaks,
  GAP_BREAKS,
  rampStops,
  RATIO_BREAKS,
} from "../../../lib/map/class_breaks.ts";

Deno.test("ramp stops span the 5th to 95th percentile evenly, so an outlier does not wash out the ramp", () => {
  const values = [...Array.from({ length: 99 }, (_, i) => i + 1), 10_000];
  const stops = rampStops(values);
  assert.equal(stops.length, 5);
  assert.equal(stops[0], 6);
  assert.equal(stops[4], 96);
  assert.deepEqual(stops.map((s, i) => i === 0 ? 0 : s - stops[i - 1]), [0, 22.5, 22.5, 22.5, 22.5]);
  assert.deepEqual(rampStops([]), []);
  assert.deepEqual(rampStops([Number.NaN, 3]), [3, 3, 3, 3, 3]);
});

Deno.test("count breaks: positive values only, two significant figures, no repeats", () => {
  assert.deepEqual(countBreaks([0, 0, ...Array.from({ length: 100 }, (_, i) => i + 1)]), [29, 51, 74, 96]);
  assert.deepEqual(countBreaks([5, 5, 5]), [5]);
  assert.deepEqual(countBreaks([0, 0]), []);
});

Deno.test("a value's class is the number of breaks it reaches", () => {
  assert.equal(classOf(0.59, RATIO_BREAKS), 0);
  assert.equal(classOf(0.6, RATIO_BREAKS), 1);
  assert.equal(classOf(0.65, RATIO_BREAKS), 1);
  assert.equal(classOf(0.95, RATIO_BREAKS), 4);
  assert.deepEqual([0, 1, 2].map((gap) => classOf(gap, GAP_BREAKS)), [0, 1, 2]);
});

Deno.test("compound stops read each compound's value", () => {
  const feature = (value: number) => ({ type: "Feature" as const, geometry: null, properties: { value } });
  const compounds = { type: "FeatureCollection" as const, features: [1, 2, 3, 4].map(feature) };
  assert.deepEqual(compoundStops({ compounds } as never), rampStops([1, 2, 3, 4]));
});
