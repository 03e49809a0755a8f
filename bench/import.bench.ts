/**
 * Importing tickets: 1M rows from a CSV with Chinese 12345 headers (written from the
 * demo generator) through the whole `deno task import` path into a store holding the
 * demo district, and assignment alone against the demo district and a 100k-building set.
 */
import Papa from "papaparse";
import { importFile } from "../cli/import.ts";
import { generateDemo } from "../lib/demo/generate.ts";
import { AddressMatcher } from "../lib/import/address_match.ts";
import { assignTickets, PlaceIndex } from "../lib/import/assign.ts";
import type { Columns } from "../lib/schema.ts";
import { writeStore } from "../lib/store/store.ts";
import { bench, type Figure } from "./harness.ts";

const TICKETS = 1_000_000;
const BUILDING_SET = 100_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const HEADERS: [string, string][] = [
  ["工单编号", "ticket_id"],
  ["受理时间", "created_at"],
  ["派单时间", "dispatched_at"],
  ["签收时间", "accepted_at"],
  ["办结时间", "closed_at"],
  ["工单状态", "status_source"],
  ["诉求类型", "kind"],
  ["问题分类", "category"],
  ["来源渠道", "source"],
  ["诉求内容", "description"],
  ["地址", "address"],
  ["诉求人", "reporter_name"],
  ["联系电话", "reporter_phone"],
  ["经度", "lon"],
  ["纬度", "lat"],
];

/** "2024-04-19 08:30:05", Beijing time, as hotline exports write it. */
function localTime(ms: unknown): string {
  return ms == null
    ? ""
    : new Date(Math.floor(ms as number) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

function ticketsCsv(tickets: Columns): string {
  const n = tickets.ticket_id.length;
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = HEADERS.map(([, c]) => c.endsWith("_at") ? localTime(tickets[c][i]) : tickets[c][i] ?? "");
  }
  return Papa.unparse({ fields: HEADERS.map(([h]) => h), data: rows });
}

/** The demo buildings repeated side by side (with the tickets moved along) up to `count` buildings. */
function tiled(buildings: Columns, tickets: Columns, count: number): { buildings: Columns; tickets: Columns } {
  const copies = Math.ceil(count / buildings.building_id.length);
  const width = 0.1; // degrees of longitude, wider than the demo district
  const out: Columns = { building_id: [], compound_id: [], name: [], lon: [], lat: [], geometry: [] };
  for (let k = 0; k < copies; k++) {
    buildings.building_id.forEach((id, i) => {
      if (out.building_id.length >= count) return;
      const g = JSON.parse(buildings.geometry[i] as string);
      g.coordinates = g.coordinates.map((ring: number[][]) => ring.map(([x, y]) => [x + k * width, y]));
      out.building_id.push(`${id}T${k}`);
      out.compound_id.push(null);
      out.name.push(buildings.name[i]);
      out.lon.push((buildings.lon[i] as number) + k * width);
      out.lat.push(buildings.lat[i]);
      out.geometry.push(JSON.stringify(g));
    });
  }
  const shifted = {
    ...tickets,
    lon: tickets.lon.map((x, i) => x == null ? null : (x as number) + (i % copies) * width),
  };
  return { buildings: out, tickets: shifted };
}

function withoutPlaces(tickets: Columns): Columns {
  const n = tickets.ticket_id.length;
  const cleared = Object.fromEntries(
    ["building_id", "compound_id", "grid_id", "community_id", "street_id"].map((c) => [c, new Array(n).fill(null)]),
  );
  return { ...tickets, ...cleared };
}

function timeAssignment(tickets: Columns, index: PlaceIndex, matcher: AddressMatcher | null): number {
  const started = performance.now();
  assignTickets(withoutPlaces(tickets), index, matcher);
  return (performance.now() - started) / 1000;
}

bench("import", async (ctx) => {
  ctx.log(`generating the demo district with ${TICKETS} tickets`);
  const demo = generateDemo({ tickets: TICKETS });
  const dir = await Deno.makeTempDir({ prefix: "linli-import-bench-" });
  try {
    const file = `${dir}/tickets.csv`;
    await Deno.writeTextFile(file, ticketsCsv(demo.tickets));
    const store = `${dir}/store`;
    await writeStore(store, { ...demo, tickets: {} }, "bench: demo district without tickets");

    ctx.log("importing the CSV");
    let peak = Deno.memoryUsage().rss;
    const sampler = setInterval(() => peak = Math.max(peak, Deno.memoryUsage().rss), 20);
    const started = performance.now();
    const { outcome } = await importFile(store, "tickets", file, {});
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    ctx.log(
      `stored ${outcome.summary.stored}, rejected ${outcome.summary.rejected}, unassigned ${outcome.summary.unassigned}`,
    );

    const withCoords = demo.tickets.lon.filter((x) => x != null).length;
    const demoIndex = new PlaceIndex(demo.places, demo.buildings);
    const demoSeconds = timeAssignment(demo.tickets, demoIndex, new AddressMatcher(demo.places, demo.buildings));
    ctx.log(`tiling the demo buildings to ${BUILDING_SET}`);
    const large = tiled(demo.buildings, demo.tickets, BUILDING_SET);
    const largeIndex = new PlaceIndex({}, large.buildings);
    const largeSeconds = timeAssignment(large.tickets, largeIndex, null);
    // One core: assignment runs on the main thread.
    const perCore: Figure["target"] = { op: ">=", value: 1_000_000 };
    return [
      {
        name: "import 1M tickets from CSV",
        value: seconds,
        unit: "s",
        dataset: "demo",
        target: { op: "<=", value: 15 },
      },
      { name: "import peak memory", value: peak / 2 ** 20, unit: "MiB", dataset: "demo" },
      {
        name: "assignment, demo district",
        value: TICKETS / demoSeconds,
        unit: "tickets/s",
        dataset: `demo, ${withCoords} with coordinates`,
        target: perCore,
      },
      {
        name: "assignment, 100k buildings",
        value: TICKETS / largeSeconds,
        unit: "tickets/s",
        dataset: `${BUILDING_SET} buildings`,
        target: perCore,
      },
    ];
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
