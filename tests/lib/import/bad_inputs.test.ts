/** Each kind of bad input: rejected with file, row, field and reason, or repaired, never lost. */
import assert from "node:assert/strict";
import { run } from "./helpers.ts";

const HEADER = "工单编号,受理时间,工单状态,经度,纬度\n";
const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const collection = (features: unknown[], extra = {}) =>
  JSON.stringify({ type: "FeatureCollection", ...extra, features });
const polygon = (id: string, coordinates: unknown, type = "Polygon") => ({
  type: "Feature",
  id,
  properties: { name: `楼${id}` },
  geometry: { type, coordinates },
});

Deno.test("malformed CSV: every row kept, each repair noted with file and row", async () => {
  const csv = HEADER + 'A1,2024-04-19 08:30,受理,,\nA2,2024-04-19 08:31,"unclosed\nA3,2024-04-19 08:32,受理,,,extra\n';
  const { summary, notes, columns } = await run("tickets", "bad.csv", csv);
  assert.deepEqual(columns!.ticket_id, ["A1", "A2", "A3"]);
  assert.deepEqual([summary.read, summary.stored, summary.rejected], [3, 3, 0]);
  assert.deepEqual(notes.map((n) => [n.file, n.row]), [["bad.csv", 3], ["bad.csv", 3], ["bad.csv", 4]]);
});

Deno.test("a row is rejected only without an id or a readable creation time; other faults keep it with a note", async () => {
  const csv = HEADER +
    "B1,yesterday,受理,,\nB2,2024-04-19 08:30,受理,east,31.2\nB3,,受理,,\n,2024-04-19 08:30,受理,,\nB5,2024-04-19 08:30,受理,121.5,95\n";
  const { summary, rejects, notes, columns } = await run("tickets", "types.csv", csv);
  assert.deepEqual(columns!.ticket_id, ["B2", "B5"]);
  assert.deepEqual(rejects.map((r) => [r.row, r.field]), [[2, "created_at"], [4, "created_at"], [5, "ticket_id"]]);
  assert.match(rejects[0].reason, /not a timestamp/);
  assert.match(rejects[1].reason, /required value missing/);
  assert.match(rejects[0].raw, /^B1,yesterday/);
  assert.deepEqual(notes.map((n) => [n.file, n.row, n.record_id, n.field]), [
    ["types.csv", 3, "B2", "lon"],
    ["types.csv", 3, "B2", "lat"],
    ["types.csv", 6, "B5", "lat"],
  ]);
  assert.match(notes[0].problem, /"east" is not a number/);
  assert.match(notes[0].action, /emptied/);
  assert.match(notes[1].problem, /a coordinate without the other/);
  assert.match(notes[2].problem, /latitude 95 is outside/);
  assert.deepEqual([columns!.lon[1], columns!.lat[1]], [null, null], "a coordinate pair is kept whole or not at all");
  assert.deepEqual([summary.read, summary.stored, summary.rejected, summary.notes], [5, 2, 3, 3]);
});

Deno.test("duplicate ticket ids in one file: the latest update is stored, a note names the other rows", async () => {
  const csv =
    "工单编号,受理时间,办结时间,工单状态\nC1,2024-04-19 08:30,2024-04-21 10:00,已办结\nC1,2024-04-19 08:30,,受理\n" +
    "C2,2024-04-19 09:00,,受理\nC2,2024-04-19 09:00,,受理\n";
  const { summary, rejects, notes, columns } = await run("tickets", "dup.csv", csv);
  assert.deepEqual(columns!.ticket_id, ["C1", "C2"]);
  assert.equal(columns!.status[0], "closed");
  assert.deepEqual(rejects, []);
  assert.deepEqual([summary.read, summary.stored, summary.added, summary.merged], [4, 4, 2, 2]);
  assert.equal(notes.length, 1, "identical duplicates need no note");
  assert.deepEqual([notes[0].row, notes[0].record_id, notes[0].field], [2, "C1", "ticket_id"]);
  assert.match(notes[0].problem, /also in row 3, with other values/);
  assert.match(notes[0].action, /latest update kept/);
});

Deno.test("invalid geometry: repaired when it can be, else emptied with a note; the row is kept", async () => {
  const open = [[[112.5, 37.8], [112.501, 37.8], [112.501, 37.801], [112.5, 37.801]]];
  const bowtie = [[[112.5, 37.8], [112.501, 37.801], [112.501, 37.8], [112.5, 37.801], [112.5, 37.8]]];
  const geojson = collection([
    polygon("open", open),
    polygon("bowtie", bowtie),
    polygon("line", [[112.5, 37.8], [112.6, 37.9]], "LineString"),
    polygon("flat", [[[112.5, 37.8], [112.6, 37.8], [112.5, 37.8]]]),
    polygon("nan", [[[112.5, "x"], [112.6, 37.8], [112.6, 37.9], [112.5, 37.8]]]),
  ]);
  const { summary, rejects, notes, columns } = await run("buildings", "bad.geojson", geojson);
  assert.deepEqual(rejects, []);
  assert.equal(summary.stored, 5);
  assert.deepEqual(columns!.building_id, ["open", "bowtie", "line", "flat", "nan"]);
  assert.equal(JSON.parse(columns!.geometry[1] as string).type, "MultiPolygon", "a bowtie splits into two triangles");
  assert.deepEqual(columns!.geometry.slice(2), [null, null, null]);
  assert.deepEqual(notes.map((n) => [n.row, n.field, n.action]), [
    [1, "geometry", "repaired"],
    [2, "geometry", "repaired"],
    [3, "geometry", "emptied, row kept"],
    [4, "geometry", "emptied, row kept"],
    [5, "geometry", "emptied, row kept"],
  ]);
  assert.match(notes[0].problem, /1 unclosed ring closed/);
  assert.match(notes[1].problem, /self-intersecting polygon split into pieces/);
  assert.match(notes[2].problem, /LineString is not Polygon, MultiPolygon or Point/);
  assert.match(notes[3].problem, /fewer than 3 distinct points/);
  assert.match(notes[4].problem, /not a pair of numbers/);
});

Deno.test("EPSG:3857 input is reprojected; a projected file without its crs keeps its rows, without geometry", async () => {
  // 112.5°E 37.8°N in Web Mercator metres.
  const R = 6378137;
  const [x, y] = [R * 112.5 * Math.PI / 180, R * Math.log(Math.tan(Math.PI / 4 + (37.8 * Math.PI) / 360))];
  const features = [polygon("m", square(x, y, 100))];
  const crs = { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3857" } };
  const { columns } = await run("places", "m.geojson", collection(features, { crs }), {}, { level: "compound" });
  // A 100 m Mercator square is about 79 m on the ground at this latitude; its centre is half of that off the corner.
  assert.ok(Math.abs((columns!.lon[0] as number) - 112.500449) < 0.00001, String(columns!.lon[0]));
  assert.ok(Math.abs((columns!.lat[0] as number) - 37.800355) < 0.00001, String(columns!.lat[0]));
  assert.ok(Math.abs((columns!.area_m2[0] as number) - 100 * 100 * Math.cos(37.8 * Math.PI / 180) ** 2) < 100);
  const without = await run("places", "m.geojson", collection(features), {}, { level: "compound" });
  assert.equal(without.columns!.geometry[0], null);
  assert.match(without.notes[0].problem, /projected CRS/);
});

Deno.test("GCJ-02 input is converted to WGS84 (a few hundred metres)", async () => {
  const csv = "工单编号,受理时间,经度,纬度\nG1,2024-04-19 08:30,121.4737,31.2304\n";
  const wgs = await run("tickets", "g.csv", csv);
  const gcj = await run("tickets", "g.csv", csv, {}, { coords: "gcj02" });
  const dx = ((gcj.columns!.lon[0] as number) - (wgs.columns!.lon[0] as number)) * 95_000;
  const dy = ((gcj.columns!.lat[0] as number) - (wgs.columns!.lat[0] as number)) * 111_000;
  const metres = Math.hypot(dx, dy);
  assert.ok(metres > 300 && metres < 700, `moved ${metres} m`);
  assert.ok((gcj.columns!.lon[0] as number) < 121.4737, "GCJ-02 sits east of WGS84 in Shanghai");
});

Deno.test("a mapping naming a missing column or an unknown field fails with what is wrong", async () => {
  await assert.rejects(run("tickets", "m.csv", HEADER, {}, { mapping: { ticket_id: "SR" } }), /no such column/);
  await assert.rejects(
    run("tickets", "m.csv", HEADER, {}, { mapping: { ticket: "工单编号" } }),
    /not a field of tickets/,
  );
  await assert.rejects(run("tickets", "m.csv", HEADER, {}, { mapping: { timezone: "Mars/Base" } }));
});
