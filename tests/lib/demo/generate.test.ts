import assert from "node:assert/strict";
import * as turf from "@turf/turf";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { CATEGORIES } from "../../../lib/demo/categories.ts";
import { TABLES } from "../../../lib/schema.ts";

const demo = generateDemo({ tickets: 20_000 });
const places = demo.places;
const compoundRows = places.level.flatMap((level, i) => (level === "compound" ? [i] : []));
const polygon = (json: unknown) => turf.feature(JSON.parse(json as string));

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

Deno.test("the same seed gives the same output, another seed a different one", async () => {
  const a = await sha256(JSON.stringify(generateDemo({ tickets: 2000 })));
  const b = await sha256(JSON.stringify(generateDemo({ tickets: 2000 })));
  const c = await sha256(JSON.stringify(generateDemo({ tickets: 2000, seed: 7 })));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

Deno.test("every table and column of the schema is present, columns of equal length", () => {
  assert.deepEqual(Object.keys(demo).sort(), TABLES.map((t) => t.name).sort());
  for (const t of TABLES) {
    const columns = demo[t.name];
    assert.deepEqual(Object.keys(columns), t.columns.map((c) => c.name), t.name);
    const length = columns[t.columns[0].name].length;
    // Generated data went through no import, so it has no data-quality notes.
    if (t.name !== "import_notes") assert.ok(length > 0, `${t.name} is empty`);
    for (const c of t.columns) {
      assert.equal(columns[c.name].length, length, `${t.name}.${c.name}`);
      if (c.required) assert.ok(!columns[c.name].includes(null), `${t.name}.${c.name} has nulls`);
    }
  }
});

Deno.test("keys are unique", () => {
  for (const t of TABLES) {
    const columns = demo[t.name];
    const keys = columns[t.key[0]].map((_, i) => t.key.map((k) => columns[k][i]).join("\u0000"));
    assert.equal(new Set(keys).size, keys.length, t.name);
  }
});

Deno.test("the district has the expected shape", () => {
  const count = (level: string) => places.level.filter((l) => l === level).length;
  assert.equal(count("district"), 1);
  assert.equal(count("street"), 5);
  assert.equal(count("community"), 20);
  assert.ok(count("grid") >= 20 && count("grid") <= 60);
  assert.equal(count("compound"), 300);
  const buildings = demo.buildings.building_id.length;
  assert.ok(buildings >= 2700 && buildings <= 3600, `${buildings} buildings`);
  const names = compoundRows.map((i) => places.name[i]);
  assert.equal(new Set(names).size, names.length, "compound names are unique");
  for (const i of compoundRows) {
    assert.equal(places.parent_id[i], places.community_id[i]);
    assert.ok(places.street_id[i]);
  }
});

Deno.test("compounds do not overlap and lie in their community and grid", () => {
  const byId = new Map(places.place_id.map((id, i) => [id, i]));
  const shapes = compoundRows.map((i) => polygon(places.geometry[i]));
  const boxes = shapes.map((s) => turf.bbox(s));
  for (let a = 0; a < shapes.length; a++) {
    for (let b = a + 1; b < shapes.length; b++) {
      const [ax0, ay0, ax1, ay1] = boxes[a];
      const [bx0, by0, bx1, by1] = boxes[b];
      if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) continue;
      assert.ok(!turf.booleanIntersects(shapes[a], shapes[b]), `compounds ${a} and ${b} overlap`);
    }
  }
  compoundRows.forEach((i, k) => {
    const grid = places.level.findIndex((level, g) =>
      level === "grid" && places.community_id[g] === places.community_id[i] &&
      turf.booleanWithin(shapes[k], polygon(places.geometry[g]))
    );
    assert.ok(grid >= 0, `${places.place_id[i]} lies in no grid of its community`);
    const community = polygon(places.geometry[byId.get(places.community_id[i] as string)!]);
    assert.ok(turf.booleanWithin(shapes[k], community), `${places.place_id[i]} outside its community`);
  });
});

Deno.test("buildings lie inside their compound without overlapping", () => {
  const b = demo.buildings;
  const compoundShape = new Map(compoundRows.map((i) => [places.place_id[i], polygon(places.geometry[i])]));
  const byCompound = new Map<unknown, number[]>();
  b.compound_id.forEach((c, i) => byCompound.set(c, [...(byCompound.get(c) ?? []), i]));
  assert.equal(byCompound.size, 300, "every compound has buildings");
  for (const [compound, rows] of byCompound) {
    const shape = compoundShape.get(compound as string)!;
    const footprints = rows.map((i) => polygon(b.geometry[i]));
    footprints.forEach((f, k) => {
      assert.ok(turf.booleanWithin(f, shape), `${b.building_id[rows[k]]} outside ${compound}`);
      for (let m = k + 1; m < footprints.length; m++) {
        assert.ok(!turf.booleanIntersects(f, footprints[m]), `${b.building_id[rows[k]]} overlaps`);
      }
    });
  }
  const households = new Map<unknown, number>();
  b.compound_id.forEach((c, i) => households.set(c, (households.get(c) ?? 0) + (b.households[i] as number)));
  for (const i of compoundRows) assert.equal(places.households[i], households.get(places.place_id[i]));
});

Deno.test("the organisation network covers most but not all", () => {
  const covered = new Set(demo.branch_compounds.compound_id).size / compoundRows.length;
  assert.ok(covered >= 0.8 && covered <= 0.9, `branch coverage ${covered}`);
  const grouped = new Set(demo.group_buildings.building_id).size / demo.buildings.building_id.length;
  assert.ok(grouped >= 0.55 && grouped <= 0.75, `group coverage ${grouped}`);
  assert.ok(demo.building_groups.members.every((m) => (m as number) >= 3));
  const kinds = new Set(demo.branches.kind);
  for (const kind of ["branch", "general_branch", "joint_branch"]) assert.ok(kinds.has(kind), kind);
});

Deno.test("tickets are placed, timed and called back plausibly", () => {
  const t = demo.tickets;
  const n = t.ticket_id.length;
  assert.equal(n, 20_000);
  for (const column of ["street_id", "community_id", "grid_id", "compound_id", "building_id", "h3_r9"]) {
    assert.ok(!t[column].includes(null), `${column} missing`);
  }
  const withoutCoordinates = t.lon.filter((v) => v === null).length / n;
  assert.ok(withoutCoordinates > 0.08 && withoutCoordinates < 0.12, `${withoutCoordinates} without coordinates`);
  t.lon.forEach((lon, i) => {
    if (lon === null) assert.ok(t.address[i], "a ticket without coordinates has an address");
  });
  const now = Date.UTC(2026, 10, 15, 16);
  for (let i = 0; i < n; i++) {
    const created = t.created_at[i] as number;
    assert.ok(created < now && created >= now - 1096 * 86_400_000);
    if (i > 0) assert.ok(created >= (t.created_at[i - 1] as number), "tickets are in order of creation");
    if (t.closed_at[i] !== null) assert.ok((t.closed_at[i] as number) > created);
    assert.equal(t.status[i] === "closed", t.closed_at[i] !== null);
  }
  const footprint = new Map(demo.buildings.building_id.map((id, i) => [id, polygon(demo.buildings.geometry[i])]));
  for (let i = 0; i < n; i += 97) {
    if (t.lon[i] === null) continue;
    const point = turf.point([t.lon[i] as number, t.lat[i] as number]);
    const inside = turf.booleanPointInPolygon(point, footprint.get(t.building_id[i] as string)!);
    assert.ok(inside, `${t.ticket_id[i]} is not at its building`);
  }
  const ids = new Map(t.ticket_id.map((id, i) => [id, i]));
  t.merged_into.forEach((into, i) => {
    if (into === null) return;
    const j = ids.get(into)!;
    assert.ok(j < i && t.building_id[j] === t.building_id[i] && t.category[j] === t.category[i]);
  });
  const closed = t.status.filter((s) => s === "closed").length;
  const called = demo.callbacks.ticket_id.length / closed;
  assert.ok(called > 0.8 && called < 0.92, `${called} of closed tickets called back`);
  const results = demo.callbacks.result;
  const satisfaction = results.filter((r) => r !== "unsatisfied").length / results.length;
  assert.ok(satisfaction >= 0.9 && satisfaction <= 0.96, `satisfaction ${satisfaction}`);
});

Deno.test("most closed tickets are published within 7 days, some late or not at all; replies answer the request", () => {
  const t = demo.tickets;
  const handled = t.ticket_id.flatMap((_, i) => (t.status[i] === "closed" && t.merged_into[i] === null ? [i] : []));
  const day = 86_400_000;
  const delay = (i: number) => ((t.published_at[i] as number) - (t.closed_at[i] as number)) / day;
  const published = handled.filter((i) => t.published_at[i] !== null);
  const inTime = published.filter((i) => delay(i) < 7).length / handled.length;
  const late = published.filter((i) => delay(i) >= 7).length / handled.length;
  assert.ok(inTime > 0.83 && inTime < 0.93, `${inTime} published within 7 days`);
  assert.ok(late > 0.03 && late < 0.12, `${late} published late`);
  assert.ok(published.every((i) => delay(i) > 0), "published after closing");
  const replied = handled.filter((i) => t.reply[i] !== null);
  assert.ok(replied.length / handled.length > 0.9);
  for (const i of replied) {
    const category = CATEGORIES.find((c) => c.name === t.category[i])!;
    assert.equal(category.replies[category.descriptions.indexOf(t.description[i] as string)], t.reply[i]);
  }
  const merged = t.ticket_id.flatMap((_, i) => (t.merged_into[i] !== null ? [i] : []));
  assert.ok(merged.length > 0 && merged.every((i) => t.published_at[i] === null && t.reply[i] === null));
  for (const c of CATEGORIES) assert.equal(c.replies.length, c.descriptions.length, c.name);
});
