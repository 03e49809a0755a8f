/**
 * The server under a crowd, on loopback: simulated users each loading the data every page
 * loads (the manifest, then the scope's database file, as the browser asks for them; the
 * scopes are built before the crowd comes, so idle is a settled server's), then 20 concurrent downloads
 * of the tickets table as Arrow. Latency, errors, queue refusals (503) and the server's
 * peak resident memory are printed beside their targets: no errors, and peak RSS at most
 * 1.5× the idle RSS plus the largest cached scope (the admin's database, or the tickets
 * table if larger). `LINLI_BENCH_USERS` sets the crowd (default 50).
 */
import { bench, type Figure, percentile } from "./harness.ts";
import { ROLES } from "../lib/access/principal.ts";
import { SESSION_COOKIE } from "../lib/access/request.ts";
import { dataDir } from "../lib/config.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { startServer } from "../tests/browser/server.ts";

const USERS = Number(Deno.env.get("LINLI_BENCH_USERS") ?? 50);
const DOWNLOADS = 20;
/** A request not answered in this time counts as an error. */
const REQUEST_TIMEOUT_MS = 120_000;
const RSS_SAMPLE_MS = 100;

async function rssOf(pid: number): Promise<number> {
  const status = await Deno.readTextFile(`/proc/${pid}/status`);
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

interface Outcome {
  ms: number;
  status: number | "error";
}

async function timed(url: string, headers: Record<string, string>): Promise<Outcome> {
  const start = performance.now();
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    // Read to the end, as the browser does, without keeping the bytes.
    for await (const _ of res.body ?? []) { /* drained */ }
    return { ms: performance.now() - start, status: res.status };
  } catch {
    return { ms: performance.now() - start, status: "error" };
  }
}

function figures(name: string, outcomes: Outcome[]): Figure[] {
  const ms = outcomes.map((o) => o.ms);
  return [
    { name: `${name} p50`, value: percentile(ms, 50), unit: "ms" },
    { name: `${name} p95`, value: percentile(ms, 95), unit: "ms" },
    {
      name: `${name} errors`,
      value: outcomes.filter((o) => o.status === "error" || (o.status >= 400 && o.status !== 503)).length,
      unit: "requests",
      target: { op: "<=", value: 0 },
    },
    { name: `${name} refused busy (503)`, value: outcomes.filter((o) => o.status === 503).length, unit: "requests" },
  ];
}

bench("serve", async (ctx) => {
  // Built here rather than by the server, whose memory would otherwise start with a demo district's generation.
  await ensureDemoStore(dataDir());
  await using server = await startServer();
  const url = (path: string) => new URL(path, server.url).href;
  const manifest = await (await server.fetch(url("api/data/manifest.json"))).json();
  const largest = "tickets";
  const tableBytes = (await (await server.fetch(url(`api/data/${largest}.arrow`))).arrayBuffer()).byteLength;
  const largestBytes = Math.max(tableBytes, manifest.database.bytes);
  // Idle is after the version's builds: the masked roles', the wall's and the review figures' at start, then a street's.
  for (const role of ["leader", "street"] as const) {
    const cookie = `${SESSION_COOKIE}=${await server.signIn(role)}`;
    await (await fetch(url("api/data/manifest.json"), { headers: { cookie } })).body?.cancel();
  }
  await new Promise((r) => setTimeout(r, 2_000));
  const idle = await rssOf(server.pid);
  let peak = idle;
  const sampler = setInterval(async () => peak = Math.max(peak, await rssOf(server.pid).catch(() => 0)), RSS_SAMPLE_MS);
  try {
    ctx.log(`${USERS} users of every role signing in, then loading the manifest and their scope's database`);
    const pages = (await Promise.all(Array.from({ length: USERS }, async (_, i) => {
      const started = performance.now();
      const session = await server.signIn(ROLES[i % ROLES.length]);
      const own: Outcome[] = [{ ms: performance.now() - started, status: 204 }];
      const cookie = { cookie: `${SESSION_COOKIE}=${session}` };
      own.push(await timed(url("api/data/manifest.json"), cookie));
      own.push(await timed(url("api/data/scope.duckdb"), { ...cookie, "accept-encoding": "br" }));
      return own;
    }))).flat();
    const pagesPeak = peak;
    const admin = { cookie: `${SESSION_COOKIE}=${await server.signIn("admin")}` };
    ctx.log(
      `${DOWNLOADS} concurrent downloads of ${largest} (${(tableBytes / 2 ** 20).toFixed(0)} MB; the admin's database ${
        (manifest.database.bytes / 2 ** 20).toFixed(0)
      } MB)`,
    );
    const downloads = await Promise.all(
      Array.from({ length: DOWNLOADS }, () => timed(url(`api/data/${largest}.arrow`), admin)),
    );
    await new Promise((r) => setTimeout(r, RSS_SAMPLE_MS * 2));
    const mb = (b: number) => b / 2 ** 20;
    return [
      ...figures(`page data (${USERS} users)`, pages),
      ...figures(`${largest} ×${DOWNLOADS}`, downloads),
      { name: "server idle RSS", value: mb(idle), unit: "MB" },
      { name: "server peak RSS while pages load", value: mb(pagesPeak), unit: "MB" },
      {
        name: "server peak RSS",
        value: mb(peak),
        unit: "MB",
        target: { op: "<=", value: mb(1.5 * idle + largestBytes) },
      },
    ];
  } finally {
    clearInterval(sampler);
  }
});
