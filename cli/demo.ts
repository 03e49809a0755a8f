/**
 * `deno task demo --tickets N --data DIR [--seed S]`: writes a demo store of any size,
 * for benchmarks (1M and 10M tickets). Ten million tickets need more than V8's default
 * heap, so the command re-runs itself with a larger one.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SEED, DEFAULT_TICKETS } from "../lib/demo/generate.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";

const HEAP_MB = 20_000;
const HEAP_FLAG = `--max-old-space-size=${HEAP_MB}`;
const USAGE = `usage: deno task demo --tickets N --data DIR [--seed S]
  --tickets N  tickets to generate (default ${DEFAULT_TICKETS})
  --data DIR   where to write the store
  --seed S     the generator's seed (default ${DEFAULT_SEED})`;

const { values } = parseArgs({
  args: Deno.args,
  options: {
    tickets: { type: "string" },
    data: { type: "string" },
    seed: { type: "string" },
    help: { type: "boolean" },
  },
});
const tickets = Number(values.tickets ?? DEFAULT_TICKETS);
const seed = Number(values.seed ?? DEFAULT_SEED);
if (values.help || !values.data || !Number.isInteger(tickets) || tickets < 0 || !Number.isInteger(seed)) {
  console.error(USAGE);
  Deno.exit(values.help ? 0 : 2);
}

const heapLimit = (await import("node:v8")).getHeapStatistics().heap_size_limit;
if (heapLimit < HEAP_MB * 1024 * 1024 * 0.9 && !Deno.env.get("LINLI_DEMO_REEXEC")) {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--allow-sys",
      `--v8-flags=${HEAP_FLAG}`,
      new URL(import.meta.url).pathname,
      ...Deno.args,
    ],
    env: { LINLI_DEMO_REEXEC: "1" },
  }).spawn();
  Deno.exit((await child.status).code);
}
await ensureDemoStore(values.data, { tickets, seed });
