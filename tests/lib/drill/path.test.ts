import assert from "node:assert/strict";
import {
  breadcrumb,
  childLevel,
  childrenByParent,
  childrenKey,
  DRILL_LEVELS,
  indexWithBuildings,
  parentRef,
  placeIndex,
  showsBuildings,
} from "../../../lib/drill/path.ts";
import { brushRange, inRange } from "../../../lib/drill/charts.ts";

const index = placeIndex(
  [
    { place_id: "S1", level: "street", name: "东街道", street_id: null, community_id: null },
    { place_id: "C1", level: "community", name: "甲社区", street_id: "S1", community_id: null },
    { place_id: "X1", level: "compound", name: "龙泽书苑", street_id: "S1", community_id: "C1" },
    { place_id: "G1", level: "grid", name: "一网格", street_id: "S1", community_id: "C1" },
  ],
  [{ building_id: "B1", compound_id: "X1", name: "3栋" }],
);

Deno.test("the breadcrumb runs 区 › 街道 › 社区 › 小区 › 楼栋", () => {
  const crumbs = breadcrumb(index, { level: "building", id: "B1" });
  assert.deepEqual(crumbs.map((c) => [c.level, c.name]), [
    ["district", null],
    ["street", "东街道"],
    ["community", "甲社区"],
    ["compound", "龙泽书苑"],
    ["building", "3栋"],
  ]);
  assert.deepEqual(breadcrumb(index, null).map((c) => c.level), ["district"]);
  assert.deepEqual(parentRef(index, { level: "building", id: "B1" }), { level: "compound", id: "X1" });
  assert.equal(parentRef(index, { level: "street", id: "S1" }), null);
  assert.equal(index.size, 4, "grids are not on the ladder");
});

Deno.test("a click picks the next level down, and a building is the bottom", () => {
  assert.equal(childLevel("district"), "street");
  assert.equal(childLevel("compound"), "building");
  assert.equal(childLevel("building"), null);
});

Deno.test("a brush covers whole bars, a week Monday to Sunday", () => {
  const rows = [{ key: "2026-01-05", tickets: 1 }, { key: "2026-01-12", tickets: 2 }, {
    key: "2026-01-19",
    tickets: 3,
  }];
  assert.deepEqual(brushRange(rows, 2, 0, "week"), { from: "2026-01-05", to: "2026-01-25" });
  assert.deepEqual(brushRange(rows, -5, 0, "day"), { from: "2026-01-05", to: "2026-01-05" });
  assert.equal(inRange("2026-01-12", "week", { from: "2026-01-15", to: "2026-01-30" }), true);
  assert.equal(inRange("2026-01-05", "week", { from: "2026-01-15", to: "2026-01-30" }), false);
});

Deno.test("each place's children, listed once for the whole index", () => {
  const index = placeIndex([
    { place_id: "s1", level: "street", name: "甲街道", street_id: null, community_id: null },
    { place_id: "m1", level: "community", name: "乙社区", street_id: "s1", community_id: null },
    { place_id: "c1", level: "compound", name: "丙小区", street_id: "s1", community_id: "m1" },
  ], [{ building_id: "b1", compound_id: "c1", name: "1栋" }, { building_id: "b2", compound_id: "c1", name: "2栋" }]);
  const children = childrenByParent(index);
  assert.deepEqual(children.get(childrenKey("street", null))?.map((p) => p.id), ["s1"]);
  assert.deepEqual(children.get(childrenKey("building", "c1"))?.map((p) => p.id), ["b1", "b2"]);
  assert.equal(children.get(childrenKey("compound", "m9")), undefined);
});

Deno.test("buildings join a ladder of places later, leaving the ladder they joined as it was", () => {
  const places = placeIndex([
    { place_id: "s1", level: "street", name: "甲街道", street_id: null, community_id: null },
    { place_id: "m1", level: "community", name: "乙社区", street_id: "s1", community_id: null },
    { place_id: "c1", level: "compound", name: "丙小区", street_id: "s1", community_id: "m1" },
  ], []);
  const full = indexWithBuildings(places, [{ building_id: "b1", compound_id: "c1", name: "1栋" }]);
  assert.equal(places.size, 3);
  assert.deepEqual(breadcrumb(full, { level: "building", id: "b1" }).map((c) => c.name), [
    null,
    "甲街道",
    "乙社区",
    "丙小区",
    "1栋",
  ]);
  assert.deepEqual(
    DRILL_LEVELS.filter(showsBuildings),
    ["compound", "building"],
    "a compound lists its buildings; a building's breadcrumb names it",
  );
});
