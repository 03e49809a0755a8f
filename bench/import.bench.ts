/**
 * Importing tickets: 1M rows from a CSV with Chinese 12345 headers (written from the
 * demo generator) through `deno task import` itself, run as a subprocess so its time
 * and peak memory are the command's, into a store holding the demo district; then
 * assignment alone, on the demo district, on a realistic set of 100k buildings (the
 * district's buildings repeated side by side, none overlapping) and on a stress set
 * (the same buildings stacked 31 deep, a point inside about 13), each beside GeoPandas
 * (`bench/geopandas_sjoin.py`, Debian's python3-geopandas) answering the same question
 * on the same points, alternating in one run.
 */
import Papa from "papaparse";
import { generateDemo } from "../lib/demo/generate.ts";
import { AddressMatcher } from "../lib/import/address_match.ts";
import { assignTickets, LevelIndex, PlaceIndex } from "../lib/import/assign.ts";
import type { Columns } from "../lib/schema.ts";
import { writeStore } from "../lib/store/store.ts";
import { bench, type BenchContext, type Figure } from "./harness.ts";

const TICKETS = 1_000_000;
const BUILDING_SET = 100_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Rounds of each side of the anchor, alternating: Linli, GeoPandas, Linli, GeoPandas. */
const ROUNDS = 2;
const PER_CORE: Figure["target"] = { op: ">=", value: 1_000_000 };
const VS_GEOPANDAS: Figure["target"] = { op: ">=", value: 5 };

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

/**
 * The demo buildings copied until there are `count`, copy k moved by `shift(k)` degrees,
 * and each ticket moved with one of the copies (ticket i with copy i mod copies).
 */
function copied(
  buildings: Columns,
  tickets: Columns,
  count: number,
  shift: (k: number) => [number, number],
): { buildings: Columns; tickets: Columns } {
  const copies = Math.ceil(count / buildings.building_id.length);
  const out: Columns = { building_id: [], compound_id: [], name: [], lon: [], lat: [], geometry: [] };
  for (let k = 0; k < copies; k++) {
    const [dx, dy] = shift(k);
    buildings.building_id.forEach((id, i) => {
      if (out.building_id.length >= count) return;
      const g = JSON.parse(buildings.geometry[i] as string);
      g.coordinates = g.coordinates.map((ring: number[][]) => ring.map(([x, y]) => [x + dx, y + dy]));
      out.building_id.push(`${id}T${k}`);
      out.compound_id.push(null);
      out.name.push(buildings.name[i]);
      out.lon.push((buildings.lon[i] as number) + dx);
      out.lat.push((buildings.lat[i] as number) + dy);
      out.geometry.push(JSON.stringify(g));
    });
  }
  const moved = (column: unknown[], axis: 0 | 1) =>
    column.map((v, i) => v == null ? null : (v as number) + shift(i % copies)[axis]);
  return { buildings: out, tickets: { ...tickets, lon: moved(tickets.lon, 0), lat: moved(tickets.lat, 1) } };
}

/** Side by side, 0.1° of longitude apart (the district is 0.07° wide): no two buildings overlap. */
const sideBySide = (k: number): [number, number] => [k * 0.1, 0];
/** Stacked about 3 m apart, as bench/map.bench.ts draws them: the overlap stress case. */
const stacked = (k: number): [number, number] => [(k % 6) * 0.00003, Math.floor(k / 6) * 0.00003];

function withoutPlaces(tickets: Columns): Columns {
  const n = tickets.ticket_id.length;
  const cleared = Object.fromEntries(
    ["building_id", "compound_id", "grid_id", "community_id", "street_id"].map((c) => [c, new Array(n).fill(null)]),
  );
  return { ...tickets, ...cleared };
}

/** Tickets per second of the whole assignment (every level, nearest building, address match), index built before. */
function assignmentRate(tickets: Columns, index: PlaceIndex, matcher: AddressMatcher | null): number {
  const cleared = withoutPlaces(tickets);
  const started = performance.now();
  assignTickets(cleared, index, matcher);
  return tickets.ticket_id.length / ((performance.now() - started) / 1000);
}

/** The peak resident memory of a running process, in bytes (Linux), or null. */
async function peakRss(pid: number): Promise<number | null> {
  const status = await Deno.readTextFile(`/proc/${pid}/status`).catch(() => "");
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : null;
}

const ROOT = new URL("..", import.meta.url);

/** `deno task import tickets FILE --data DIR`, as deno.json runs it (its permissions): seconds, peak RSS, output. */
async function importCommand(file: string, store: string): Promise<{ seconds: number; peak: number; out: string }> {
  const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT)));
  const [, ...args] = (config.tasks.import.command as string).split(/\s+/); // "deno run --allow-… cli/import.ts"
  const command = new Deno.Command(Deno.execPath(), {
    args: [...args, "tickets", file, "--data", store],
    cwd: ROOT.pathname,
    stdout: "piped",
    stderr: "piped",
  });
  const started = performance.now();
  const child = command.spawn();
  let peak = 0;
  // VmHWM only grows; its last reading before the exit is the peak, short by at most one interval.
  const sampler = setInterval(async () => peak = Math.max(peak, (await peakRss(child.pid)) ?? 0), 25);
  const { code, stdout, stderr } = await child.output();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const out = new TextDecoder().decode(stdout);
  if (code !== 0) throw new Error(`import failed (${code}): ${new TextDecoder().decode(stderr)}`);
  return { seconds, peak, out };
}

/** The Pythons tried for the anchor: the first on PATH (maybe pyenv's), then Debian's, where python3-geopandas goes. */
const PYTHONS = ["python3", "/usr/bin/python3"];

/** The Python that has GeoPandas, or why the anchor cannot run here. */
async function findGeopandas(): Promise<{ python: string } | { missing: string }> {
  const reasons: string[] = [];
  for (const python of PYTHONS) {
    try {
      const { code, stderr } = await new Deno.Command(python, { args: ["-c", "import geopandas"], stderr: "piped" })
        .output();
      if (code === 0) return { python };
      reasons.push(`${python}: ${new TextDecoder().decode(stderr).trim().split("\n").pop()}`);
    } catch (e) {
      reasons.push(`${python} cannot be run (${(e as Error).message})`);
    }
  }
  return { missing: reasons.join("; ") };
}

interface Anchor {
  versions: string;
  seconds: number[];
  answers: Int32Array;
}

async function runGeopandas(
  python: string,
  dir: string,
  xy: Float64Array,
  buildings: Columns,
  index: LevelIndex,
): Promise<Anchor> {
  const [points, shapes, answers] = [`${dir}/points.f64`, `${dir}/buildings.geojson`, `${dir}/answers.i32`];
  await Deno.writeFile(points, new Uint8Array(xy.buffer));
  const row = new Map(buildings.building_id.map((id, i) => [id, i]));
  const features = index.ids.map((id) =>
    `{"type":"Feature","id":${JSON.stringify(id)},"geometry":${buildings.geometry[row.get(id)!]}}`
  );
  await Deno.writeTextFile(shapes, `{"type":"FeatureCollection","features":[${features.join(",\n")}]}`);
  const script = new URL("./geopandas_sjoin.py", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command(python, {
    args: [script, points, shapes, "1", answers],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (code !== 0) throw new Error(`geopandas_sjoin.py failed: ${new TextDecoder().decode(stderr)}`);
  const result = JSON.parse(new TextDecoder().decode(stdout));
  return {
    versions: `GeoPandas ${result.geopandas}, Shapely ${result.shapely}, GEOS ${result.geos}`,
    seconds: result.seconds,
    answers: new Int32Array((await Deno.readFile(answers)).buffer),
  };
}

/** The ticket coordinates as lon,lat pairs, tickets without them left out. */
function coordinates(tickets: Columns): Float64Array {
  const xy: number[] = [];
  tickets.lon.forEach((x, i) => {
    if (x != null && tickets.lat[i] != null) xy.push(x as number, tickets.lat[i] as number);
  });
  return Float64Array.from(xy);
}

/** Which building contains each point (the overlap rule of assign.ts), and the seconds it took. */
function containment(index: LevelIndex, xy: Float64Array): { seconds: number; answers: Int32Array } {
  const answers = new Int32Array(xy.length / 2);
  const overlaps = new Map<number, number>();
  const started = performance.now();
  for (let i = 0; i < answers.length; i++) answers[i] = index.find(xy[2 * i], xy[2 * i + 1], overlaps);
  return { seconds: (performance.now() - started) / 1000, answers };
}

/**
 * One building set: the whole assignment's rate, then which building contains each
 * point, Linli and GeoPandas alternating, with the ratio of their best rounds and how
 * many answers agree.
 */
async function assignmentFigures(
  ctx: BenchContext,
  dir: string,
  set: string,
  places: Columns,
  buildings: Columns,
  tickets: Columns,
  matcher: AddressMatcher | null,
  anchor: { python: string } | { missing: string },
): Promise<Figure[]> {
  const index = new PlaceIndex(places, buildings);
  const rate = assignmentRate(tickets, index, matcher);
  const figures: Figure[] = [{
    name: `assignment, ${set}`,
    value: rate,
    unit: "tickets/s",
    dataset: `${TICKETS} tickets, ${buildings.building_id.length} buildings, one core`,
    target: PER_CORE,
  }];
  const xy = coordinates(tickets);
  const buildingIndex = new LevelIndex(buildings.building_id as string[], buildings.geometry as string[]);
  const linli: number[] = [];
  let ours: Int32Array = new Int32Array(0);
  const theirs: Anchor[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = containment(buildingIndex, xy);
    linli.push(result.seconds);
    ours = result.answers;
    if ("python" in anchor) theirs.push(await runGeopandas(anchor.python, dir, xy, buildings, buildingIndex));
  }
  const points = xy.length / 2;
  const best = Math.min(...linli);
  ctx.log(
    `${set}: whole assignment ${(rate / 1e6).toFixed(2)} M tickets/s; containment ${
      (points / best / 1e6).toFixed(2)
    } M points/s`,
  );
  figures.push({
    name: `building containment, ${set}, Linli`,
    value: points / best,
    unit: "points/s",
    dataset: `${points} points`,
  });
  if ("missing" in anchor) {
    ctx.log(`GeoPandas anchor skipped: ${anchor.missing} (sudo apt-get install -y python3-geopandas)`);
    return figures;
  }
  const theirBest = Math.min(...theirs.flatMap((t) => t.seconds));
  const answers = theirs[theirs.length - 1].answers;
  let agree = 0;
  for (let i = 0; i < points; i++) if (answers[i] === ours[i]) agree++;
  ctx.log(
    `${set}: Linli ${linli.map((s) => s.toFixed(3)).join(", ")} s; ${theirs[0].versions} sjoin ${
      theirs.flatMap((t) => t.seconds).map((s) => s.toFixed(3)).join(", ")
    } s; answers agree for ${agree} of ${points} points`,
  );
  figures.push(
    {
      name: `building containment, ${set}, GeoPandas`,
      value: points / theirBest,
      unit: "points/s",
      dataset: theirs[0].versions,
    },
    {
      name: `building containment, ${set}, Linli ÷ GeoPandas`,
      value: theirBest / best,
      unit: "×",
      target: VS_GEOPANDAS,
    },
    { name: `building containment, ${set}, answers equal`, value: (100 * agree) / points, unit: "%" },
  );
  return figures;
}

/** The demo district with 1M tickets, generated once for both benches of this file. */
let demoDistrict: ReturnType<typeof generateDemo> | null = null;
function demoWithTickets(ctx: BenchContext) {
  if (!demoDistrict) {
    ctx.log(`generating the demo district with ${TICKETS} tickets`);
    demoDistrict = generateDemo({ tickets: TICKETS });
  }
  return demoDistrict;
}

bench("import", async (ctx) => {
  const demo = demoWithTickets(ctx);
  const dir = await Deno.makeTempDir({ prefix: "linli-import-bench-" });
  try {
    const file = `${dir}/tickets.csv`;
    await Deno.writeTextFile(file, ticketsCsv(demo.tickets));
    const store = `${dir}/store`;
    await writeStore(store, { ...demo, tickets: {} }, "bench: demo district without tickets");
    ctx.log("importing the CSV: deno task import tickets");
    const { seconds, peak, out } = await importCommand(file, store);
    ctx.log(out.trim().split("\n").slice(0, 2).join(" / "));
    ctx.log(`${seconds.toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
    // The command's last line: `(37.1 s: read 26.0 s, assign 4.0 s, write 7.1 s)`.
    const timeLine = out.trim().split("\n").at(-1)!;
    ctx.log(`phases ${timeLine}`);
    const phases = [...timeLine.matchAll(/(read|assign|write) ([\d.]+) s/g)].map(([, phase, s]): Figure => ({
      name: `import 1M tickets, ${phase} phase`,
      value: Number(s),
      unit: "s",
      dataset: "demo",
    }));
    return [
      ...phases,
      {
        name: "import 1M tickets from CSV",
        value: seconds,
        unit: "s",
        dataset: "demo",
        target: { op: "<=", value: 15 },
      },
      {
        name: "import peak memory",
        value: peak / 2 ** 20,
        unit: "MiB",
        dataset: "demo",
        target: { op: "<=", value: 2048 },
      },
    ];
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

bench("assignment", async (ctx) => {
  const demo = demoWithTickets(ctx);
  const dir = await Deno.makeTempDir({ prefix: "linli-assignment-bench-" });
  try {
    const anchor = await findGeopandas();
    ctx.log("assignment on the demo district");
    const matcher = new AddressMatcher(demo.places, demo.buildings);
    const figures = await assignmentFigures(
      ctx,
      dir,
      "demo district",
      demo.places,
      demo.buildings,
      demo.tickets,
      matcher,
      anchor,
    );
    const sets = [["100k buildings side by side", sideBySide], ["100k buildings stacked (stress)", stacked]] as const;
    for (const [set, shift] of sets) {
      ctx.log(`assignment on ${set}`);
      const large = copied(demo.buildings, demo.tickets, BUILDING_SET, shift);
      figures.push(...await assignmentFigures(ctx, dir, set, {}, large.buildings, large.tickets, null, anchor));
    }
    return figures;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
