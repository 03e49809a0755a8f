/** Planted events: exactly what the plan says is added, and nothing else changes. */
import assert from "node:assert/strict";
import { DEFAULT_NOW, generateDemo } from "../../../lib/demo/generate.ts";
import type { PlantPlan } from "../../../lib/demo/planted.ts";
import { localDateOf } from "../../../lib/time.ts";

const base = generateDemo({ tickets: 3000 });
const T = base.tickets;
const n = T.ticket_id.length;
const compound = T.compound_id[0] as string;
const building = T.building_id[0] as string;
const community = T.community_id.find((_, i) => T.resolved_level[i] === "community") as string;
const plan: PlantPlan = {
  surges: [{ level: "compound", placeId: compound, category: "供暖", onset: "2026-11-01", days: 3, perDay: 4 }],
  leaks: [{ buildingId: building, category: "供水排水", first: "2026-06-01", reports: 3, gapDays: 10, closeDays: 2 }],
  slowTeams: [{ communityId: community, factor: 3 }],
};
const planted = generateDemo({ tickets: 3000, plan });
const P = planted.tickets;

Deno.test("planted: the surge's and the leak's tickets are added with their own ids, the others kept", () => {
  const added = P.ticket_id.slice(n).map((_, k) => n + k);
  assert.equal(added.length, 3 * 4 + 3);
  assert.ok(added.every((i) => /^GD\d{8}P\d{5}$/.test(P.ticket_id[i] as string)));
  const surge = added.filter((i) => P.category[i] === "供暖");
  assert.deepEqual(
    [...new Set(surge.map((i) => localDateOf(P.created_at[i] as number)))].sort(),
    ["2026-11-01", "2026-11-02", "2026-11-03"],
  );
  assert.ok(surge.every((i) => P.compound_id[i] === compound));
  const leak = added.filter((i) => P.category[i] === "供水排水");
  assert.ok(leak.every((i) => P.building_id[i] === building));
  // Each report is received 12 days after the previous one (2 days to close, 10 days later again).
  assert.deepEqual(leak.map((i) => localDateOf(P.created_at[i] as number)), ["2026-06-01", "2026-06-13", "2026-06-25"]);
  assert.deepEqual(P.ticket_id.slice(0, n), T.ticket_id);
  for (const name of ["places", "buildings", "branches", "calendar"]) assert.deepEqual(planted[name], base[name]);
});

Deno.test("planted: the slow team's tickets take three times as long after acceptance, nobody else's", () => {
  let slowed = 0;
  for (let i = 0; i < n; i++) {
    const ours = T.community_id[i] === community && T.resolved_level[i] === "community";
    if (!ours) {
      assert.equal(P.closed_at[i], T.closed_at[i]);
      continue;
    }
    slowed++;
    const accepted = T.accepted_at[i] as number;
    const stretched = accepted + 3 * ((T.closed_at[i] as number) - accepted);
    if (P.status[i] === "closed") assert.ok(Math.abs((P.closed_at[i] as number) - stretched) < 1);
    else assert.ok(P.closed_at[i] === null && stretched >= DEFAULT_NOW);
  }
  assert.ok(slowed > 0);
  const calledBack = new Set(
    P.ticket_id.filter((_, i) => T.community_id[i] === community && T.resolved_level[i] === "community"),
  );
  assert.ok(!planted.callbacks.ticket_id.some((id) => calledBack.has(id)));
});

Deno.test("planted: without a plan the district is what it was", () => {
  assert.deepEqual(generateDemo({ tickets: 3000, plan: {} }).tickets.ticket_id, T.ticket_id);
});
