/** Filters on the fixture: places, lists, quotes, empty lists, time ranges. */
import assert from "node:assert/strict";
import { m } from "./fixture_metrics.ts";
import { at } from "./fixture.ts";

Deno.test("filters: places, lists, a quote in a category, empty lists, time range", async () => {
  const count = async (filter: Parameters<typeof m.volume>[0]) => (await m.volume(filter, {}))[0].tickets;
  assert.equal(await count({ categories: ["水'电"] }), 1);
  assert.equal(await count({ placeLevel: "compound", placeIds: ["X2"] }), 2);
  assert.equal(await count({ placeLevel: "building", placeIds: ["X1B1", "X3B1"] }), 6);
  assert.equal(await count({ placeLevel: "district", placeIds: ["D"] }), 8);
  assert.equal(await count({ statuses: ["open"], kinds: ["complaint"] }), 2);
  assert.equal(await count({ sources: ["12345热线"] }), 5);
  assert.equal(await count({ categories: [] }), 0);
  assert.equal(await count({ from: at("2024-03-01 00:00"), to: at("2024-04-28 10:00") }), 3);
  // Households follow the place filter: compound X2 has 300.
  assert.equal((await m.volume({ placeLevel: "compound", placeIds: ["X2"] }, {}))[0].households, 300);
});
