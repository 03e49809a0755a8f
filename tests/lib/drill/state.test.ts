import assert from "node:assert/strict";
import {
  applyChange,
  decodeState,
  DEFAULT_STATE,
  encodeState,
  type MapState,
  previousRange,
  resolveRange,
  stateFilter,
  toggleValue,
  withPlace,
} from "../../../lib/drill/state.ts";
import { localMidnight } from "../../../lib/time.ts";

const FULL: MapState = {
  place: { level: "compound", id: "S01C01X01" },
  area: null,
  from: "2026-08-01",
  to: "2026-10-31",
  categories: ["物业管理", "电梯"],
  kinds: ["complaint"],
  sources: [],
  statuses: ["open"],
  layer: "backlog",
  alerts: true,
  grain: "week",
  view: { lon: 112.52416, lat: 37.83359, zoom: 15.5, pitch: 45 },
};

Deno.test("the URL round-trips every part of the state", () => {
  assert.deepEqual(decodeState(encodeState(FULL)), FULL);
  assert.deepEqual(decodeState(encodeState(DEFAULT_STATE)), DEFAULT_STATE);
  assert.equal(encodeState(DEFAULT_STATE), "");
  assert.equal(encodeState(DEFAULT_STATE, "en"), "?lang=en");
  assert.match(encodeState(FULL), /place=compound:S01C01X01/);
  assert.match(encodeState(FULL), /&alerts=1&/);
});

const AREA: MapState["area"] = [[112.5, 37.8], [112.51, 37.8], [112.51, 37.81]];

Deno.test("a drawn area round-trips, and a link with a place as well keeps only the area", () => {
  const drawn = { ...FULL, place: null, area: AREA };
  assert.deepEqual(decodeState(encodeState(drawn)), drawn);
  assert.match(encodeState(drawn), /area=112\.50000,37\.80000;112\.51000,37\.80000;112\.51000,37\.81000&/);
  const both = decodeState("?place=compound:S01C01X01&area=112.5,37.8;112.51,37.8;112.51,37.81");
  assert.deepEqual([both.place, both.area], [null, AREA]);
  // A malformed area leaves the place as it is.
  assert.deepEqual(decodeState("?place=compound:S01C01X01&area=112.5,37.8").place, FULL.place);
});

Deno.test("drawing an area leaves the place, and picking a place clears the area", () => {
  const drawn = applyChange(FULL, { area: AREA });
  assert.deepEqual([drawn.place, drawn.area], [null, AREA]);
  assert.equal(drawn.layer, FULL.layer);
  const picked = applyChange(drawn, { place: { level: "street", id: "S01" }, view: null });
  assert.deepEqual([picked.place, picked.area], [{ level: "street", id: "S01" }, null]);
  // Up to the district (the breadcrumb, Escape) clears it too; other changes keep it.
  assert.equal(applyChange(drawn, { place: null }).area, null);
  assert.equal(applyChange(drawn, { layer: "density", view: null }).area, AREA);
  assert.deepEqual(applyChange(drawn, { area: null }), { ...drawn, area: null });
});

Deno.test("a malformed URL falls back to defaults", () => {
  const s = decodeState("?place=planet:1&from=yesterday&layer=nope&view=1,2&grain=hour");
  assert.deepEqual(s, DEFAULT_STATE);
  assert.deepEqual(decodeState("?cat=").categories, []);
});

Deno.test("the default range is the last 90 days up to the newest day", () => {
  assert.deepEqual(resolveRange(DEFAULT_STATE, "2026-11-15"), { from: "2026-08-18", to: "2026-11-15" });
  assert.deepEqual(previousRange({ from: "2026-08-18", to: "2026-11-15" }), { from: "2026-05-20", to: "2026-08-17" });
});

Deno.test("the filter's bounds are local midnights, half-open", () => {
  const f = stateFilter(FULL, { from: "2026-08-01", to: "2026-10-31" });
  assert.equal(f.from, Date.parse("2026-08-01T00:00:00+08:00"));
  assert.equal(f.to, Date.parse("2026-11-01T00:00:00+08:00"));
  assert.equal(localMidnight("2026-01-01"), Date.parse("2025-12-31T16:00:00Z"));
  assert.deepEqual(f.sources, []);
  assert.deepEqual(withPlace(f, FULL.place), { ...f, placeLevel: "compound", placeIds: ["S01C01X01"] });
  assert.deepEqual(withPlace(f, FULL.place, ["A", "B"]).placeIds, ["A", "B"]);
  // An area around no compound matches no ticket, not every ticket.
  assert.deepEqual(withPlace(f, null, []), { ...f, placeLevel: "compound", placeIds: [] });
});

Deno.test("toggling a value from 'all' keeps the others, and back to all gives null", () => {
  const all = ["a", "b", "c"];
  assert.deepEqual(toggleValue(null, "b", all), ["a", "c"]);
  assert.equal(toggleValue(["a", "c"], "b", all), null);
  assert.deepEqual(toggleValue(["a"], "a", all), []);
});
