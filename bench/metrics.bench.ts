/**
 * The dashboard's queries at 1M tickets (and 10M with `LINLI_BENCH_10M=1`) in three
 * engines running the same SQL: DuckDB-WASM in Deno, DuckDB-WASM in headless Chromium,
 * and native DuckDB as the reference for what the engine itself can do.
 *
 * Native DuckDB cannot read Arrow IPC without an extension (and none can be fetched), so
 * it gets the tickets' queried columns as CSV that DuckDB-WASM writes with `COPY`, read
 * back with the canonical column types: both sides see the same rows and types.
 */
import { localMidnight } from "../lib/time.ts";
import { DuckDBInstance } from "@duckdb/node-api";
import { launchBrowser } from "../tests/browser/chromium.ts";
import { bench, type Figure, percentile, type Target } from "./harness.ts";
import { demoStore } from "./demo_stores.ts";
import { openBenchPage, type PageHandle } from "./metrics_page.ts";
import { type Axis, createCubeSql, crossFilterCubes, type Cube, cubeCountsSql } from "../lib/metrics/cube.ts";
import type { Filter } from "../lib/metrics/filter.ts";
import { cellCountsSql } from "../lib/metrics/hotspots.ts";
import { table } from "../lib/schema.ts";
import { openStoreDb } from "../lib/store/open_store_db.ts";

const RUNS = 20;
const WARMUP = 2;
const MB = 1024 * 1024;

const DATASETS = [
  { name: "1M", tickets: 1_000_000, crossFilterMs: 8 },
  ...Deno.env.get("LINLI_BENCH_10M") === "1" ? [{ name: "10M", tickets: 10_000_000, crossFilterMs: 16 }] : [],
];

/** The tickets' columns the benchmarked queries read, which is all native DuckDB is given. */
const NATIVE_COLUMNS = [
  "created_at",
  "closed_at",
  "status",
  "kind",
  "category",
  "source",
  "street_id",
  "community_id",
  "compound_id",
  "h3_r9",
];

/** One engine with a store loaded: times SQL, answers SQL, tells its memory. */
interface Engine {
  name: string;
  times(sql: string): Promise<number[]>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    await run();
    if (i >= WARMUP) durations.push(performance.now() - start);
  }
  return durations;
}

async function wasmInDeno(dir: string): Promise<Engine & { exportCsv(path: string): Promise<void> }> {
  const { db } = await openStoreDb(dir);
  return {
    name: "wasm-deno",
    times: (sql) => timeRuns(() => db.queryArrow(sql)),
    query: (sql) => db.query(sql),
    exportCsv: async (path) => {
      await db.query(`COPY (SELECT ${NATIVE_COLUMNS.join(", ")} FROM tickets) TO '${path}' (FORMAT csv, HEADER)`);
    },
    close: () => db.close(),
  };
}

async function native(csv: string): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  const types = NATIVE_COLUMNS.map((name) =>
    `'${name}': '${table("tickets").columns.find((c) => c.name === name)!.type}'`
  );
  await conn.run(
    `CREATE TABLE tickets AS SELECT * FROM read_csv('${csv}', header = true, delim = ',', quote = '"', escape = '"', columns = {${types}})`,
  );
  const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  return {
    name: "native",
    times: (sql) => timeRuns(() => conn.runAndReadAll(sql)),
    query,
    close: () => {
      conn.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}

async function wasmInChromium(dir: string, log: (message: string) => void): Promise<Engine> {
  const browser = await launchBrowser();
  try {
    const opened = await openBenchPage(browser, dir);
    log(`store loaded in Chromium in ${(opened.loadMs / 1000).toFixed(1)} s`);
    const call = <T>(method: keyof PageHandle, ...args: unknown[]) =>
      opened.page.evaluate(
        // deno-lint-ignore no-explicit-any
        (m, a) => (globalThis as any).linliBench[m](...a),
        method,
        args,
      ) as Promise<T>;
    return {
      name: "wasm-chromium",
      times: (sql) => call<number[]>("times", sql, RUNS, WARMUP),
      query: (sql) => call("query", sql),
      close: async () => {
        await opened[Symbol.asyncDispose]();
        await browser.close();
      },
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** DuckDB's own account of the memory it holds (buffer manager), the same in every engine. */
const MEMORY_SQL = `SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()`;

/** The local midnight of a calendar day in China Standard Time, as epoch ms. */

interface Query {
  name: string;
  sql: string;
  /** Held to the cross-filter target. */
  crossFilter?: boolean;
}

/** The cubes and the queries a cross-filter issues while each control moves. */
function crossFilterWork(topCategory: string, street: string): { cubes: Cube[]; queries: Query[] } {
  const brush: Filter = { from: localMidnight("2026-08-01"), to: localMidnight("2026-11-01") };
  const interactions: { active: Axis; label: string; filter: Filter }[] = [
    { active: "time", label: "time brush", filter: brush },
    { active: "category", label: "category click", filter: { categories: [topCategory] } },
    { active: "place", label: "street click", filter: { placeLevel: "street", placeIds: [street] } },
  ];
  const cubes = new Map<string, Cube>();
  const queries: Query[] = [];
  for (const { active, label, filter } of interactions) {
    const byView = crossFilterCubes(active, {});
    const views = [
      ["timeline", byView.timeline, ["week"]],
      ["categories", byView.categories, ["category"]],
      ["map", byView.map, ["compound"]],
    ] as const;
    for (const [view, cube, groupBy] of views) {
      if (!cube) continue;
      cubes.set(cube.table, cube);
      queries.push({
        name: `cross-filter ${label} → ${view}`,
        sql: cubeCountsSql(cube, [...groupBy], filter),
        crossFilter: true,
      });
    }
  }
  return { cubes: [...cubes.values()], queries };
}

const FULL_SCAN = "full-scan group-by street × category";

function rawQueries(): Query[] {
  return [
    { name: FULL_SCAN, sql: cubeCountsSql(null, ["street", "category"]) },
    { name: "time histogram by week", sql: cubeCountsSql(null, ["week"]) },
    { name: "Gi* counts per H3 r9 cell", sql: cellCountsSql(9) },
  ];
}

interface Measured {
  engine: string;
  query: Query;
  durations: number[];
}

async function measureEngine(engine: Engine, queries: Query[], cubes: Cube[], log: (m: string) => void) {
  const measured: Measured[] = [];
  const builds: Figure[] = [];
  for (const cube of cubes) {
    const start = performance.now();
    await engine.query(createCubeSql(cube));
    const ms = performance.now() - start;
    const [{ rows }] = await engine.query(`SELECT count(*) AS rows FROM "${cube.table}"`);
    builds.push({ name: `${engine.name} build ${cube.table} (${rows} rows)`, value: ms, unit: "ms" });
  }
  for (const query of queries) {
    measured.push({ engine: engine.name, query, durations: await engine.times(query.sql) });
    log(`${engine.name}: ${query.name}`);
  }
  return { measured, builds };
}

async function heapFigure(engine: Engine, dataset: string): Promise<Figure> {
  const [{ bytes }] = await engine.query(MEMORY_SQL);
  return {
    name: `${engine.name} DuckDB memory`,
    value: Number(bytes) / MB,
    unit: "MB",
    dataset,
    target: { op: "<=", value: 1024 },
  };
}

/** p50 and p95 figures, each against its own target when it has one. */
function percentileFigures(name: string, durations: number[], dataset: string, target?: (p: number) => Target) {
  return ([50, 95] as const).map((p): Figure => ({
    name: `${name} p${p}`,
    value: percentile(durations, p),
    unit: "ms",
    dataset,
    ...target ? { target: target(p) } : {},
  }));
}

for (const dataset of DATASETS) {
  bench(`metrics ${dataset.name}`, async (ctx) => {
    const dir = await demoStore(dataset.name, dataset.tickets, ctx.log);
    // A path in a fresh folder for COPY to create: writing over a file made by makeTempFile gave an unreadable CSV.
    const tmp = await Deno.makeTempDir({ prefix: "linli-bench-" });
    const csv = `${tmp}/tickets.csv`;
    const figures: Figure[] = [];
    const measured: Measured[] = [];
    try {
      const load = async <T extends Engine>(open: () => Promise<T>) => {
        const started = performance.now();
        const engine = await open();
        figures.push({
          name: `${engine.name} store load`,
          value: performance.now() - started,
          unit: "ms",
          dataset: dataset.name,
        });
        return engine;
      };
      ctx.log(`loading ${dir} into DuckDB-WASM in Deno`);
      const deno = await load(() => wasmInDeno(dir));
      const [{ category }] = await deno.query(
        "SELECT category FROM tickets GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
      );
      const [{ street }] = await deno.query("SELECT min(street_id) AS street FROM tickets");
      const { cubes, queries: crossFilter } = crossFilterWork(String(category), String(street));
      const queries = [...rawQueries(), ...crossFilter];
      ctx.log("exporting the tickets to CSV for native DuckDB");
      await deno.exportCsv(csv);

      const engines: (() => Promise<Engine>)[] = [
        () => Promise.resolve(deno),
        () => load(() => native(csv)),
        () => {
          ctx.log("loading the store into DuckDB-WASM in headless Chromium");
          return load(() => wasmInChromium(dir, ctx.log));
        },
      ];
      for (const open of engines) {
        // An engine that cannot hold the store (a browser's 2 GB buffer limit at 10M) loses
        // only its own figures; the others are still measured.
        const engine = await open().catch((e: Error) => void ctx.log(`could not load the store: ${e.message}`));
        if (!engine) continue;
        try {
          const result = await measureEngine(engine, queries, cubes, ctx.log);
          measured.push(...result.measured);
          figures.push(...result.builds.map((f) => ({ ...f, dataset: dataset.name })));
          if (engine.name !== "native") figures.push(await heapFigure(engine, dataset.name));
        } finally {
          await engine.close();
        }
      }
    } finally {
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
    }

    const reference = (query: Query) => measured.find((m) => m.engine === "native" && m.query === query)!.durations;
    for (const { engine, query, durations } of measured) {
      const target = query.crossFilter
        ? () => ({ op: "<=" as const, value: dataset.crossFilterMs })
        : query.name === FULL_SCAN && engine !== "native"
        ? (p: number) => ({ op: "<=" as const, value: 2 * percentile(reference(query), p) })
        : undefined;
      figures.push(...percentileFigures(`${engine} ${query.name}`, durations, dataset.name, target));
    }
    return figures;
  });
}
