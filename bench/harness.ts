/**
 * A small benchmark registry: bench files register named benches that return figures,
 * `bench/main.ts` runs them, prints the figures and keeps them in `bench/results.json`.
 * A figure missing its target is reported, never failed: machines differ.
 */

export interface Target {
  op: "<=" | ">=";
  value: number;
}

/** The figure of another product, measured in the same run, that a figure is held against. */
export interface Anchor {
  name: string;
  value: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  dataset?: string;
  target?: Target;
  /** Printed and kept as the ratio of this figure to the anchor's. */
  versus?: Anchor;
}

export interface BenchContext {
  name: string;
  /** Prints a progress line, marked with the bench's name. */
  log(message: string): void;
}

export type BenchFn = (ctx: BenchContext) => Promise<Figure[]> | Figure[];

export interface Result {
  name: string;
  value: number;
  unit: string;
  dataset: string | null;
  target: Target | null;
  met: boolean | null;
  /** This figure divided by the anchor's, when it has one. */
  ratio: { to: string; value: number } | null;
  /** When this figure was measured; results of benches not run this time keep theirs. */
  date: string;
}

export interface ResultsFile {
  date: string;
  machine: { cores: number; memory: number };
  deno: string;
  results: Result[];
}

export interface RunOptions {
  resultsPath?: string | URL;
  print?: (line: string) => void;
}

export const RESULTS_PATH = new URL("./results.json", import.meta.url);

const registry: { name: string; fn: BenchFn }[] = [];

export function bench(name: string, fn: BenchFn): void {
  if (registry.some((entry) => entry.name === name)) {
    throw new Error(`bench ${name} is registered twice`);
  }
  registry.push({ name, fn });
}

export function isMet(figure: Figure): boolean | null {
  if (!figure.target) return null;
  const { op, value } = figure.target;
  return op === "<=" ? figure.value <= value : figure.value >= value;
}

/** Keeps a figure readable: whole numbers from 100 up, three significant digits below. */
export function formatValue(value: number): string {
  if (Number.isInteger(value) || Math.abs(value) >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

function ratioOf(figure: Figure): number | null {
  return figure.versus ? figure.value / figure.versus.value : null;
}

/** One line per figure, names, values and units in aligned columns, then its target's verdict and its anchor. */
export function formatFigures(figures: Figure[]): string[] {
  const values = figures.map((figure) => formatValue(figure.value));
  const nameWidth = Math.max(...figures.map((figure) => figure.name.length));
  const valueWidth = Math.max(...values.map((value) => value.length));
  const unitWidth = Math.max(...figures.map((figure) => figure.unit.length));
  return figures.map((figure, i) => {
    const line = `${figure.name.padEnd(nameWidth)}  ${values[i].padStart(valueWidth)} ` +
      figure.unit.padEnd(unitWidth);
    const notes: string[] = [];
    if (figure.target) {
      const op = figure.target.op === "<=" ? "≤" : "≥";
      notes.push(
        `target ${op} ${formatValue(figure.target.value)} ${figure.unit}: ${isMet(figure) ? "met" : "missed"}`,
      );
    }
    if (figure.versus) {
      const { name, value } = figure.versus;
      notes.push(`${formatValue(ratioOf(figure)!)}× ${name} (${formatValue(value)} ${figure.unit})`);
    }
    return notes.length ? `${line}  (${notes.join("; ")})` : line.trimEnd();
  });
}

function toResult(figure: Figure, date: string): Result {
  return {
    name: figure.name,
    value: figure.value,
    unit: figure.unit,
    dataset: figure.dataset ?? null,
    target: figure.target ?? null,
    met: isMet(figure),
    ratio: figure.versus ? { to: figure.versus.name, value: ratioOf(figure)! } : null,
    date,
  };
}

async function readResults(path: string | URL): Promise<Result[]> {
  try {
    return (JSON.parse(await Deno.readTextFile(path)) as ResultsFile).results;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
}

/**
 * Writes the new results over the old ones of the same name and dataset, so a filtered
 * run updates its own figures and keeps the others.
 */
async function writeResults(path: string | URL, fresh: Result[]): Promise<void> {
  const key = (result: Result) => `${result.name}\u0000${result.dataset ?? ""}`;
  const merged = new Map((await readResults(path)).map((result) => [key(result), result]));
  for (const result of fresh) merged.set(key(result), result);
  const file: ResultsFile = {
    date: new Date().toISOString(),
    machine: { cores: navigator.hardwareConcurrency, memory: Deno.systemMemoryInfo().total },
    deno: Deno.version.deno,
    results: [...merged.values()],
  };
  await Deno.writeTextFile(path, JSON.stringify(file, null, 2) + "\n");
}

/**
 * Runs the registered benches whose name contains `filter`, in registration order. A
 * bench that throws is reported and skipped; the caller decides what that means.
 */
export async function runBenches(
  filter = "",
  { resultsPath = RESULTS_PATH, print = console.log }: RunOptions = {},
): Promise<{ results: Result[]; failed: string[] }> {
  const results: Result[] = [];
  const failed: string[] = [];
  const selected = registry.filter((entry) => entry.name.includes(filter));
  if (selected.length === 0) print(`no bench matches "${filter}"`);
  for (const { name, fn } of selected) {
    print(`# ${name}`);
    try {
      const figures = await fn({ name, log: (message) => print(`  [${name}] ${message}`) });
      const date = new Date().toISOString();
      for (const line of formatFigures(figures)) print(line);
      results.push(...figures.map((figure) => toResult(figure, date)));
      // Written after every bench, so a later crash keeps what was measured.
      await writeResults(resultsPath, results);
    } catch (e) {
      print(`${name} failed: ${e instanceof Error ? e.stack : e}`);
      failed.push(name);
    }
  }
  return { results, failed };
}

/** The nearest-rank percentile: the smallest value that p % of the values do not exceed. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Measurement {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  /** The highest resident set size of this process seen while measuring. */
  peakRssBytes: number;
}

/** Cleans up after one run, outside the timed part. */
export type Teardown = () => unknown;

const RSS_SAMPLE_MS = 5;

/**
 * Times `fn` over `runs` runs after `warmup` untimed ones, in milliseconds. When `fn`
 * returns a function, that is called after the run's time is taken, to undo the run.
 */
export async function measure(
  fn: () => unknown,
  { runs = 10, warmup = 0 }: { runs?: number; warmup?: number } = {},
): Promise<Measurement> {
  const durations: number[] = [];
  let peak = Deno.memoryUsage().rss;
  const sample = () => peak = Math.max(peak, Deno.memoryUsage().rss);
  const sampler = setInterval(sample, RSS_SAMPLE_MS);
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const start = performance.now();
      const teardown = await fn();
      const elapsed = performance.now() - start;
      sample();
      if (typeof teardown === "function") await (teardown as Teardown)();
      if (i >= warmup) durations.push(elapsed);
    }
  } finally {
    clearInterval(sampler);
  }
  return {
    runs,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    min: Math.min(...durations),
    max: Math.max(...durations),
    peakRssBytes: peak,
  };
}

/** The p50 and p95 figures of a measurement, both held to the same target. */
export function timings(
  name: string,
  measurement: Measurement,
  extra: { dataset?: string; target?: Target } = {},
): Figure[] {
  return [
    { name: `${name} p50`, value: measurement.p50, unit: "ms", ...extra },
    { name: `${name} p95`, value: measurement.p95, unit: "ms", ...extra },
  ];
}
