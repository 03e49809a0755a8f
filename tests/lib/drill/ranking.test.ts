import assert from "node:assert/strict";
import { placeIndex } from "../../../lib/drill/path.ts";
import { rankCompounds } from "../../../lib/drill/ranking.ts";

const place = (place_id: string, level: string, street_id: string | null, community_id: string | null) => ({
  place_id,
  level,
  name: `名${place_id}`,
  street_id,
  community_id,
});

// Two streets; street s1 has communities m1 and m2, street s2 has m3.
const INDEX = placeIndex([
  place("s1", "street", null, null),
  place("s2", "street", null, null),
  place("m1", "community", "s1", null),
  place("m2", "community", "s1", null),
  place("m3", "community", "s2", null),
  place("c1", "compound", "s1", "m1"),
  place("c2", "compound", "s1", "m1"),
  place("c3", "compound", "s1", "m2"),
  place("c4", "compound", "s2", "m3"),
], []);
const OVERDUE = new Map<string, number | null>([["c1", 4], ["c2", 9], ["c3", 2], ["c4", 30]]);

Deno.test("a street's compounds, most overdue first, leave out other streets'", () => {
  const ranked = rankCompounds(INDEX, { level: "street", id: "s1" }, null, OVERDUE, false);
  assert.deepEqual(ranked.map((r) => [r.id, r.value]), [["c2", 9], ["c1", 4], ["c3", 2]]);
  assert.equal(ranked[0].name, "名c2");
});

Deno.test("for a rate where high is good, the lowest comes first; nulls are left out", () => {
  const onTime = new Map<string, number | null>([["c1", 0.9], ["c2", 0.5], ["c3", null], ["c4", 0.2]]);
  assert.deepEqual(rankCompounds(INDEX, null, null, onTime, true).map((r) => r.id), ["c4", "c2", "c1"]);
  assert.deepEqual(rankCompounds(INDEX, { level: "community", id: "m1" }, null, onTime, true).map((r) => r.id), [
    "c2",
    "c1",
  ]);
});

Deno.test("a drawn area ranks its own compounds; a compound has no ranking; the list is cut at the limit", () => {
  assert.deepEqual(rankCompounds(INDEX, null, ["c3", "c4"], OVERDUE, false).map((r) => r.id), ["c4", "c3"]);
  assert.deepEqual(rankCompounds(INDEX, { level: "compound", id: "c1" }, null, OVERDUE, false), []);
  assert.equal(rankCompounds(INDEX, null, null, OVERDUE, false, 2).length, 2);
});
