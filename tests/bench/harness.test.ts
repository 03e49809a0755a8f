import assert from "node:assert/strict";
import {
  bench,
  formatFigures,
  formatValue,
  measure,
  percentile,
  type ResultsFile,
  runBenches,
  timings,
} from "../../bench/harness.ts";

Deno.test("percentile is the nearest rank, whatever the input order", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(hundred, 50), 50);
  assert.equal(percentile(hundred, 95), 95);
  assert.equal(percentile(hundred, 100), 100);
  assert.equal(percentile([3, 1, 2], 50), 2);
  assert.equal(percentile([10, 20, 30, 40], 95), 40);
  assert.equal(percentile([7], 0), 7);
  assert.throws(() => percentile([], 50), /no values/);
});

Deno.test("values are printed whole from 100 up, to three significant digits below", () => {
  assert.equal(formatValue(2345.67), "2346");
  assert.equal(formatValue(12.345), "12.3");
  assert.equal(formatValue(0.012345), "0.0123");
  assert.equal(formatValue(42), "42");
});

Deno.test("figures print as aligned lines with their target's verdict", () => {
  assert.deepEqual(
    formatFigures([
      { name: "first page ready", value: 1234.56, unit: "ms", target: { op: "<=", value: 3000 } },
      { name: "rows", value: 5, unit: "rows" },
      { name: "throughput", value: 12.5, unit: "MB/s", target: { op: ">=", value: 50 } },
      { name: "brush p95", value: 30, unit: "ms", versus: { name: "Mosaic brush p95", value: 120 } },
      {
        name: "cold",
        value: 2000,
        unit: "ms",
        target: { op: "<=", value: 3000 },
        versus: { name: "Mosaic cold", value: 5000 },
      },
    ]),
    [
      "first page ready  1235 ms    (target ≤ 3000 ms: met)",
      "rows                 5 rows",
      "throughput        12.5 MB/s  (target ≥ 50 MB/s: missed)",
      "brush p95           30 ms    (0.25× Mosaic brush p95 (120 ms))",
      "cold              2000 ms    (target ≤ 3000 ms: met; 0.4× Mosaic cold (5000 ms))",
    ],
  );
});

Deno.test("measure times each run without its teardown and after the warmup", async () => {
  let calls = 0, teardowns = 0;
  const measurement = await measure(() => {
    calls++;
    return async () => {
      teardowns++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
  }, { runs: 4, warmup: 2 });
  assert.equal(calls, 6);
  assert.equal(teardowns, 6);
  assert.equal(measurement.runs, 4);
  assert.ok(measurement.max < 50, `a run took ${measurement.max} ms: the teardown was timed`);
  assert.ok(measurement.min <= measurement.p50 && measurement.p50 <= measurement.p95);
  assert.ok(measurement.p95 <= measurement.max);
  assert.ok(measurement.peakRssBytes > 0);
  assert.deepEqual(timings("load", measurement).map((figure) => figure.name), [
    "load p50",
    "load p95",
  ]);
});

bench("harness-test/figures", (ctx) => {
  ctx.log("measuring");
  return [
    { name: "harness-test fast", value: 10, unit: "ms", target: { op: "<=", value: 20 } },
    { name: "harness-test slow", value: 30, unit: "ms", target: { op: "<=", value: 20 } },
    { name: "harness-test rows", value: 7, unit: "rows", dataset: "demo", versus: { name: "anchor rows", value: 14 } },
  ];
});
bench("harness-test/broken", () => {
  throw new Error("no data");
});

Deno.test("runBenches prints figures, reports failures and merges results.json", async () => {
  const dir = await Deno.makeTempDir();
  const resultsPath = `${dir}/results.json`;
  const kept = {
    name: "other bench",
    value: 1,
    unit: "ms",
    dataset: null,
    target: null,
    met: null,
    ratio: null,
    date: "2020-01-01T00:00:00.000Z",
  };
  const replaced = { ...kept, name: "harness-test fast", value: 99 };
  await Deno.writeTextFile(resultsPath, JSON.stringify({ results: [kept, replaced] }));
  const lines: string[] = [];
  try {
    const { results, failed } = await runBenches("harness-test/", {
      resultsPath,
      print: (line) => lines.push(line),
    });
    assert.deepEqual(failed, ["harness-test/broken"]);
    assert.deepEqual(lines.slice(0, 5), [
      "# harness-test/figures",
      "  [harness-test/figures] measuring",
      "harness-test fast  10 ms    (target ≤ 20 ms: met)",
      "harness-test slow  30 ms    (target ≤ 20 ms: missed)",
      "harness-test rows   7 rows  (0.5× anchor rows (14 rows))",
    ]);
    assert.equal(lines[5], "# harness-test/broken");
    assert.match(lines[6], /^harness-test\/broken failed: Error: no data/);

    const file: ResultsFile = JSON.parse(await Deno.readTextFile(resultsPath));
    assert.deepEqual(Object.keys(file), ["date", "machine", "deno", "results"]);
    assert.ok(!Number.isNaN(Date.parse(file.date)));
    assert.equal(file.machine.cores, navigator.hardwareConcurrency);
    assert.equal(file.machine.memory, Deno.systemMemoryInfo().total);
    assert.equal(file.deno, Deno.version.deno);
    const withoutDate = file.results.map(({ date: _, ...rest }) => rest);
    assert.deepEqual(withoutDate, [
      { name: "other bench", value: 1, unit: "ms", dataset: null, target: null, met: null, ratio: null },
      {
        name: "harness-test fast",
        value: 10,
        unit: "ms",
        dataset: null,
        target: { op: "<=", value: 20 },
        met: true,
        ratio: null,
      },
      {
        name: "harness-test slow",
        value: 30,
        unit: "ms",
        dataset: null,
        target: { op: "<=", value: 20 },
        met: false,
        ratio: null,
      },
      {
        name: "harness-test rows",
        value: 7,
        unit: "rows",
        dataset: "demo",
        target: null,
        met: null,
        ratio: { to: "anchor rows", value: 0.5 },
      },
    ]);
    assert.equal(file.results[0].date, kept.date);
    assert.deepEqual(file.results.slice(1), results);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("registering a bench name twice is an error", () => {
  assert.throws(() => bench("harness-test/figures", () => []), /registered twice/);
});
