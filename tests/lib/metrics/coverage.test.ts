/** Coverage of the organisation network, its gaps and the priority list. */
import assert from "node:assert/strict";
import { gapsSql } from "../../../lib/drill/panel.ts";
import { compoundLayerSql } from "../../../lib/map/layers.ts";
import { coverageGapsSql } from "../../../lib/metrics/coverage.ts";
import { close, db, m, pick } from "./fixture_metrics.ts";
import { closeTo, demo, demoDb, demoMetrics, quantile, T } from "./demo.ts";

Deno.test("coverage of the organisation network, and the priority list", async () => {
  const streets = await m.coverage({}, { place: "street" });
  assert.deepEqual(streets, [
    {
      place_id: "S1",
      compounds: 2,
      compounds_with_branch: 1,
      buildings: 3,
      buildings_with_group: 2,
      households: 400,
      households_linked: 155, // 5 + min(200, 150)
      members: 15,
      compounds_with_branch_share: 0.5,
      buildings_with_group_share: 2 / 3,
      households_linked_share: 155 / 400,
      members_per_100_households: 3.75,
    },
    {
      place_id: "S2",
      compounds: 1,
      compounds_with_branch: 1,
      buildings: 1,
      buildings_with_group: 0,
      households: 600,
      households_linked: 60,
      members: 30,
      compounds_with_branch_share: 1,
      buildings_with_group_share: 0,
      households_linked_share: 0.1,
      members_per_100_households: 5,
    },
  ]);
  const [district] = await m.coverage({}, {});
  assert.deepEqual([district.households_linked, district.members_per_100_households], [215, 4.5]);
  // Rates per 1,000: X1 40, X2 6.67, X3 3.33 (upper quartile 23.33); linked shares 0.05, 0.5, 0.1 (median 0.1).
  const priority = await m.priorityList({});
  assert.deepEqual(pick(priority, "compound_id", "tickets", "ticket_rate", "coverage"), [["X1", 4, 40, 0.05]]);
  close(priority[0].ticket_rate_q3, 20 / 3 + 0.5 * (40 - 20 / 3));
  assert.deepEqual(await m.priorityList({ placeLevel: "street", placeIds: ["S2"] }), []);
});

Deno.test("demo: coverage per street and the priority list", async () => {
  const P = demo.places;
  const compounds = P.place_id.flatMap((_, i) => P.level[i] === "compound" ? [i] : []);
  const branched = new Set(demo.branch_compounds.compound_id);
  const grouped = new Set(demo.group_buildings.building_id);
  const linked = new Map<string, number>();
  demo.member_households.building_id.forEach((b, k) =>
    linked.set(b as string, (linked.get(b as string) ?? 0) + (demo.member_households.households_linked[k] as number))
  );
  const members = new Map<string, number>();
  demo.compound_members.compound_id.forEach((c, k) =>
    members.set(c as string, (members.get(c as string) ?? 0) + (demo.compound_members.members[k] as number))
  );
  const B = demo.buildings;
  const perCompound = new Map(compounds.map((i) => {
    const id = P.place_id[i] as string;
    const buildings = B.building_id.flatMap((_, k) => B.compound_id[k] === id ? [k] : []);
    const linkedHouseholds = buildings.reduce(
      (s, k) => s + Math.min(linked.get(B.building_id[k] as string) ?? 0, B.households[k] as number),
      0,
    );
    return [id, {
      street: P.street_id[i] as string,
      households: P.households[i] as number,
      branch: branched.has(id),
      buildings: buildings.length,
      grouped: buildings.filter((k) => grouped.has(B.building_id[k])).length,
      linked: linkedHouseholds,
      members: members.get(id) ?? 0,
    }];
  }));
  for (const r of await demoMetrics.coverage({}, { place: "street" })) {
    const list = [...perCompound.values()].filter((c) => c.street === r.place_id);
    const sum = (f: (c: typeof list[number]) => number) => list.reduce((s, c) => s + f(c), 0);
    closeTo(r.compounds_with_branch_share, list.filter((c) => c.branch).length / list.length);
    closeTo(r.buildings_with_group_share, sum((c) => c.grouped) / sum((c) => c.buildings));
    closeTo(r.households_linked_share, sum((c) => c.linked) / sum((c) => c.households));
    closeTo(r.members_per_100_households, (100 * sum((c) => c.members)) / sum((c) => c.households));
  }
  const tickets = new Map<string, number>();
  (T.compound_id as string[]).forEach((c) => tickets.set(c, (tickets.get(c) ?? 0) + 1));
  const scored = [...perCompound].filter(([, c]) => c.households > 0).map(([id, c]) => ({
    id,
    rate: (1000 * (tickets.get(id) ?? 0)) / c.households,
    coverage: c.linked / c.households,
  }));
  const q3 = quantile(scored.map((c) => c.rate), 0.75);
  const median = quantile(scored.map((c) => c.coverage), 0.5);
  const expected = scored.filter((c) => c.rate >= q3 && c.coverage < median).map((c) => c.id).sort();
  assert.deepEqual((await demoMetrics.priorityList({})).map((r) => r.compound_id).sort(), expected);
  assert.ok(expected.length > 0);
});

Deno.test("coverage gaps: no branch is 2, too few households linked or a building without a group is 1", async () => {
  const rows = await db.query(coverageGapsSql({}));
  // X1: a branch, 5 of 100 households linked; X2: no branch; X3: a branch, 60 of 600 linked, X3B1 without a group.
  assert.deepEqual(pick(rows, "place_id", "gap"), [["X1", 1], ["X2", 2], ["X3", 1]]);
  assert.deepEqual(pick(await db.query(coverageGapsSql({ placeLevel: "street", placeIds: ["S2"] })), "place_id"), [
    ["X3"],
  ]);
});

Deno.test("demo: the map's gaps layer and the place panel's gap list apply the same rule", async () => {
  const layer = await demoDb.query<{ place_id: string; value: number }>(compoundLayerSql("gaps", {})!);
  const gap = new Map(layer.map((r) => [r.place_id, r.value]));
  const compounds = await demoDb.query<{ place_id: string; community_id: string }>(
    "SELECT place_id, community_id FROM places WHERE level = 'compound' ORDER BY community_id, place_id",
  );
  const communities = [...new Set(compounds.map((c) => c.community_id))];
  const gapsOf = (community: string) =>
    compounds.filter((c) => c.community_id === community && gap.get(c.place_id)! > 0).map((c) => c.place_id).sort();
  const community = communities.find((c) => gapsOf(c).length > 0 && gapsOf(c).length <= 20)!;
  assert.ok(community, "a community with gaps the panel lists in full");
  assert.ok(layer.some((r) => r.value === 0), "some compounds have no gap");
  const panel = await demoDb.query(gapsSql({ placeLevel: "community", placeIds: [community] }));
  assert.deepEqual(panel.map((r) => r.place_id).sort(), gapsOf(community));
});
