/** `deno task start` as it is written in deno.json: bundles built first, the server run without -A or run permission. */
import assert from "node:assert/strict";
import { serverPermissions } from "../../framework/permissions.ts";
import { SESSION_COOKIE } from "../../lib/access/request.ts";
import { writeStore } from "../../lib/store/store.ts";
import { REPO_ROOT, startServer } from "../browser/server.ts";

const taskDefinitions: Record<string, string | { command: string }> =
  JSON.parse(await Deno.readTextFile(new URL("deno.json", REPO_ROOT))).tasks;
/** Each task's command, whether written as a string or as an object with dependencies. */
const tasks = Object.fromEntries(
  Object.entries(taskDefinitions).map(([name, task]) => [name, typeof task === "string" ? task : task.command]),
);

/** `deno run --allow-… cli/start.ts` → the flags and the module. */
function taskArgs(task: string): { flags: string[]; module: string } {
  const words = task.split(/\s+/);
  assert.deepEqual(words.slice(0, 2), ["deno", "run"]);
  return { flags: words.slice(2, -1), module: words.at(-1)! };
}

Deno.test("the server is granted only what it needs: no run, FFI only of its packages, writes only to the store and the asset cache", () => {
  const flags = serverPermissions({
    root: "/opt/linli",
    store: "/var/lib/linli/store",
    cacheDir: "/var/lib/linli/cache",
    host: "0.0.0.0",
    port: 8000,
    basemap: "http://gis.local:8080/tiles/{z}/{x}/{y}.png",
  });
  assert.deepEqual(flags, [
    "--allow-read=/opt/linli,/var/lib/linli/store,/var/lib/linli/cache",
    "--allow-write=/var/lib/linli/store,/var/lib/linli/cache",
    "--allow-net=0.0.0.0:8000,gis.local:8080",
    "--allow-ffi=/opt/linli/node_modules",
    "--allow-env",
    "--allow-sys",
  ]);
  for (const task of ["sql"]) {
    assert.ok(!/--allow-(write|net|run|ffi|all)|\s-A\b/.test(tasks[task]), `${task} is read-only: ${tasks[task]}`);
  }
  assert.ok(!tasks.start.includes("-A") && !tasks.import.includes("-A"));
});

Deno.test("deno task start serves the product with those permissions", async () => {
  const store = await Deno.makeTempDir();
  await writeStore(
    store,
    { tickets: { ticket_id: ["T1"], created_at: [Date.UTC(2024, 0, 1)], status: ["open"] } },
    "t",
  );
  const { flags, module } = taskArgs(tasks.start);
  await using server = await startServer({ entry: module, denoArgs: ["run", ...flags], env: { LINLI_DATA: store } });
  const page = await server.fetch(server.url);
  assert.equal(page.status, 200);
  const island = (await page.text()).match(/\/_islands\/client-[A-Z0-9]+\.js/)?.[0];
  assert.ok(island, "the page names the prebuilt hydration runtime");
  const bundle = await fetch(new URL(island!, server.url));
  assert.equal(bundle.status, 200);
  await bundle.body?.cancel();
  const manifest = await (await server.fetch(new URL("api/data/manifest.json", server.url))).json();
  assert.ok(manifest.tables.tickets);
  // A leader's scope is built by native DuckDB in a worker: FFI, and writes inside the store only.
  const leader = { cookie: `${SESSION_COOKIE}=${await server.signIn("leader")}` };
  const masked = await fetch(new URL("api/data/manifest.json", server.url), { headers: leader });
  assert.equal(masked.status, 200);
  assert.equal((await masked.json()).tables.tickets.rows, 1);
  const pack = await server.fetch(new URL("api/reviews/packs", server.url), {
    method: "POST",
    headers: { origin: new URL(server.url).origin },
    body: JSON.stringify({ kind: "year", period: "2025", figures: [], tables: [], storeVersion: manifest.version }),
  });
  assert.equal(pack.status, 201, "it may write into the store");
  await pack.body?.cancel();
  const written = [...Deno.readDirSync(`${store}/reviews`)].filter((e) => !e.name.endsWith(".summary.json"));
  assert.equal(written.length, 1);
  await Deno.remove(store, { recursive: true });
});
