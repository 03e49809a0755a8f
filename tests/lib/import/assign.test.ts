/** Assignment: by coordinates, by address, the overlap rule, and the merge into the store. */
import assert from "node:assert/strict";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { AddressMatcher } from "../../../lib/import/address_match.ts";
import { assignTickets, PlaceIndex } from "../../../lib/import/assign.ts";
import type { Columns } from "../../../lib/schema.ts";
import { FIXTURES, row, run } from "./helpers.ts";

const PLACE_COLUMNS = ["building_id", "compound_id", "grid_id", "community_id", "street_id"];

Deno.test("demo tickets get back the places the generator gave them", () => {
  const demo = generateDemo({ tickets: 3000 });
  const t = demo.tickets;
  const cleared: Columns = { ...t, ...Object.fromEntries(PLACE_COLUMNS.map((c) => [c, t[c].map(() => null)])) };
  const unassigned = assignTickets(
    cleared,
    new PlaceIndex(demo.places, demo.buildings),
    new AddressMatcher(demo.places, demo.buildings),
  );
  let same = 0, total = 0;
  for (let i = 0; i < t.ticket_id.length; i++) {
    for (const c of ["compound_id", "community_id", "street_id"]) {
      total++;
      if (cleared[c][i] === t[c][i]) same++;
    }
  }
  assert.ok(same / total > 0.97, `${same} of ${total} agree`);
  assert.ok(unassigned.length < t.ticket_id.length * 0.03, `${unassigned.length} unassigned`);
});

Deno.test("fixture district: coordinates, address, overlap rule, unassigned listed", async () => {
  const read = (name: string) => Deno.readFile(new URL(name, FIXTURES));
  const places = await run("places", "compounds.geojson", await read("compounds.geojson"), {}, { level: "compound" });
  assert.deepEqual(places.overlaps.length, 1);
  const buildings = await run("buildings", "buildings.geojson", await read("buildings.geojson"), {
    places: places.columns!,
  });
  assert.equal(row(buildings.columns!, "building_id", "B3").compound_id, "X1");
  assert.equal(row(buildings.columns!, "building_id", "B3").floors, 12);
  const stored = { places: places.columns!, buildings: buildings.columns! };
  const tickets = await run("tickets", "tickets.csv", await read("tickets.csv"), stored);
  const t = (id: string) => row(tickets.columns!, "ticket_id", id);
  assert.deepEqual([t("T1").building_id, t("T1").compound_id, t("T1").status], ["B3", "X1", "closed"]);
  assert.deepEqual([t("T2").building_id, t("T2").compound_id, t("T2").lat], ["B3", "X1", null], "德沁苑3栋2单元501");
  // T3 lies in both compounds: the smaller one (X1) wins and the overlap is reported.
  assert.equal(t("T3").compound_id, "X1");
  assert.match(tickets.overlaps.join(), /X1 \/ X2/);
  assert.deepEqual(tickets.unassigned, ["T4"]);
  assert.equal(tickets.summary.unassigned, 1);

  const again = await run("tickets", "tickets.csv", await read("tickets.csv"), {
    ...stored,
    tickets: tickets.columns!,
  });
  assert.equal(again.columns, null, "the same file twice changes nothing");
  assert.equal(again.summary.unchanged, 4);
  const newer = "工单编号,受理时间,办结时间,工单状态\nT3,4/19/2024 10:15:00 AM,2024-04-22 12:00,已办结\n";
  const updated = await run("tickets", "newer.csv", newer, { ...stored, tickets: tickets.columns! });
  assert.equal(updated.summary.updated, 1);
  const t3 = row(updated.columns!, "ticket_id", "T3");
  assert.equal(t3.status, "closed");
  assert.equal(t3.category, "停车", "columns the newer file lacks keep their stored values");
});

Deno.test("a point exactly on an edge belongs to the polygon east of it (north of an east-west edge): one of two neighbours, never both", async () => {
  const ring = (x0: number, x1: number) => [[x0, 31.23], [x1, 31.23], [x1, 31.231], [x0, 31.231], [x0, 31.23]];
  const feature = (id: string, x0: number, x1: number) => ({
    type: "Feature",
    id,
    properties: { name: `小区${id}` },
    geometry: { type: "Polygon", coordinates: [ring(x0, x1)] },
  });
  const geojson = JSON.stringify({
    type: "FeatureCollection",
    features: [feature("W", 121.47, 121.471), feature("E", 121.471, 121.472)],
  });
  const places = await run("places", "c.geojson", geojson, {}, { level: "compound" });
  const points: [string, number, number, string | null][] = [
    ["shared edge", 121.471, 31.2305, "E"],
    ["shared corner", 121.471, 31.23, "E"],
    ["west edge of W", 121.47, 31.2305, "W"],
    ["east edge of E, no neighbour", 121.472, 31.2305, null],
    ["south edge of W", 121.4705, 31.23, "W"],
    ["north edge of W", 121.4705, 31.231, null],
    ["inside W", 121.4705, 31.2305, "W"],
  ];
  const csv = "工单编号,受理时间,经度,纬度\n" +
    points.map(([, x, y], i) => `T${i},2024-04-19 08:30,${x},${y}`).join("\n") + "\n";
  const { columns } = await run("tickets", "t.csv", csv, { places: places.columns! });
  assert.deepEqual(
    points.map(([what], i) => [what, columns!.compound_id[i]]),
    points.map(([what, , , expected]) => [what, expected]),
  );
});
