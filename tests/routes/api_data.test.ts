import assert from "node:assert/strict";
import { brotliDecompressSync } from "node:zlib";
import { VENDOR_FILES } from "../../components/vendor.ts";
import { createApp } from "../../framework/server.ts";
import { ROOT } from "../../lib/config.ts";
import { streamToTable } from "../../lib/store/arrow.ts";
import { readManifest, writeStore } from "../../lib/store/store.ts";
import type { Principal } from "../../lib/access/principal.ts";
import { handler as dataRoute } from "../../routes/api/data/[file].ts";
import { sessionCookieFor, stepsOnStore } from "./access_fixtures.ts";
import { withEnv } from "./product_app.ts";

const dir = await Deno.makeTempDir();
const app = await createApp({
  root: ROOT,
  vendor: VENDOR_FILES,
  cacheDir: await Deno.makeTempDir(),
  contentSecurityPolicy: "default-src 'self'",
});
/** Steps run inside one test that points LINLI_DATA at a temporary store and restores it after. */
const steps: [string, () => Promise<void>][] = [];
const step = (name: string, fn: () => Promise<void>) => steps.push([name, fn]);

const get = (path: string, headers: Record<string, string> = {}) =>
  app.fetch(new Request(`http://localhost${path}`, { headers }));

const tickets = (status: string) => ({
  ticket_id: ["T1", "T2"],
  created_at: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)],
  status: [status, status],
  street_id: ["S1", "S2"],
  reporter_name: ["王女士", "李先生"],
  reporter_phone: ["13912345678", "13887654321"],
  description: ["楼道灯坏了，回电13912345678", "噪音"],
});

const admin: Principal = { kind: "user", name: "root", role: "admin", streets: [] };
const leader: Principal = { kind: "user", name: "lead", role: "leader", streets: [] };
const street: Principal = { kind: "user", name: "s1", role: "street", streets: ["S1"] };
const wall: Principal = { kind: "wall", name: "room" };

/** The data route's handler called as the access middleware will call it, with the principal on the state. */
const data = (file: string, principal?: Principal, headers: Record<string, string> = {}, method = "GET") =>
  dataRoute.GET!(new Request(`http://localhost/api/data/${file}`, { headers, method }), {
    params: { file: file.replace(/\?.*$/, "") },
    state: principal ? { principal } : {},
    render: () => Promise.reject(new Error("not a page")),
    renderNotFound: () => Promise.resolve(new Response(null, { status: 404 })),
  });
const tableOf = async (res: Response) => streamToTable(new Uint8Array(await res.arrayBuffer()));
const column = (table: ReturnType<typeof streamToTable>, name: string) => [...table.getChild(name)!.toArray()];

step("without a principal every data route answers 401", async () => {
  const paths = [
    "/api/data/manifest.json",
    "/api/data/tickets.arrow",
    "/api/data/tickets.arrow?scope=full",
    "/api/wall/data",
    "/api/reviews/packs?kind=quarter&period=2024-Q1",
    "/api/reviews/packs/quarter-2024-Q1-1800000000000",
  ];
  for (const path of paths) {
    await writeStore(dir, { tickets: tickets("open") }, "test");
    const res = await get(path);
    assert.equal(res.status, 401, path);
    await res.body?.cancel();
  }
  assert.equal((await data("tickets.arrow")).status, 401);
  const post = await app.fetch(
    new Request("http://localhost/api/reviews/packs", {
      method: "POST",
      body: "{}",
      headers: { origin: "http://localhost" },
    }),
  );
  assert.equal(post.status, 401);
  await post.body?.cancel();
});

step("an admin receives the store as stored, brotli-compressed, revalidated by version", async () => {
  const m = await writeStore(dir, { tickets: tickets("open") }, "test");
  const manifest = await (await data("manifest.json", admin)).json();
  assert.equal(manifest.version, m.version);
  assert.equal(manifest.scope, "full");
  assert.equal(manifest.tables.tickets.file, undefined, "the store's layout stays on the server");
  const res = await data("tickets.arrow", admin, { "accept-encoding": "br" });
  assert.equal(res.headers.get("content-encoding"), "br");
  assert.equal(res.headers.get("cache-control"), "private, no-store");
  const table = streamToTable(brotliDecompressSync(new Uint8Array(await res.arrayBuffer())));
  assert.equal(table.getChild("reporter_phone")!.get(0), "13912345678");
  const etag = res.headers.get("etag")!;
  assert.equal((await data("tickets.arrow", admin, { "if-none-match": etag })).status, 304);
});

step("a table stored without its twin (a large one) is compressed on its first download", async () => {
  const { tables } = (await readManifest(dir))!;
  await Deno.remove(`${dir}/${tables.tickets.file}.br`);
  const plain = await data("tickets.arrow", admin);
  assert.equal(plain.headers.get("content-encoding"), null);
  assert.equal((await tableOf(plain)).numRows, 2);
  const res = await data("tickets.arrow", admin, { "accept-encoding": "br" });
  assert.equal(res.headers.get("content-encoding"), "br");
  assert.equal(streamToTable(brotliDecompressSync(new Uint8Array(await res.arrayBuffer()))).numRows, 2);
  assert.ok((await Deno.stat(`${dir}/${tables.tickets.file}.br`)).isFile, "kept for the next download");
});

step("a new import is served at once, without a restart", async () => {
  const before = (await data("tickets.arrow", admin)).headers.get("etag");
  await writeStore(dir, { tickets: tickets("closed") }, "test 2");
  const res = await data("tickets.arrow", admin);
  assert.notEqual(res.headers.get("etag"), before);
  assert.equal((await tableOf(res)).getChild("status")!.get(0), "closed");
});

step("a page's engine gets the database of the version its manifest named while it is kept, then 409", async () => {
  const { version } = (await readManifest(dir))!;
  const asked = `scope.duckdb?version=${version}`;
  const before = await data(asked, leader);
  assert.equal(before.status, 200);
  const bytes = new Uint8Array(await before.arrayBuffer());
  // An import lands between the page's manifest and its database.
  await writeStore(dir, { tickets: tickets("open") }, "test 3");
  await withEnv({ LINLI_VERSION_GRACE_MS: "600000" }, async () => {
    const kept = await data(asked, leader);
    assert.equal(kept.status, 200);
    assert.deepEqual(new Uint8Array(await kept.arrayBuffer()), bytes);
    const current = await data("scope.duckdb", leader);
    assert.equal(current.status, 200);
    await current.body?.cancel();
    assert.notEqual(current.headers.get("etag"), kept.headers.get("etag"), "without a version: the store's");
  });
  await withEnv({ LINLI_VERSION_GRACE_MS: "0" }, async () => {
    const gone = await data(asked, leader);
    assert.equal(gone.status, 409);
    assert.match((await gone.json()).error, /the store has changed since version/);
  });
});

step("a leader's tickets are masked, and ?scope= changes nothing", async () => {
  const res = await data("tickets.arrow", leader);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const table = streamToTable(bytes);
  assert.deepEqual(column(table, "reporter_phone"), ["139****5678", "138****4321"]);
  assert.deepEqual(column(table, "reporter_name"), ["王**", "李**"]);
  assert.deepEqual(column(table, "description"), ["楼道灯坏了，回电***", "噪音"]);
  const text = new TextDecoder().decode(bytes);
  assert.ok(!text.includes("13912345678") && !text.includes("王女士"));
  for (const search of ["?scope=public", "?scope=PUBLIC", "?scope=full"]) {
    const again = await data(`tickets.arrow${search}`, leader);
    assert.deepEqual(new Uint8Array(await again.arrayBuffer()), bytes, search);
    const adminRes = await data(`tickets.arrow${search}`, admin);
    assert.equal((await tableOf(adminRes)).getChild("reporter_phone")!.get(0), "13912345678", search);
  }
});

step("a street official holds their street's tickets and every street's scorecards", async () => {
  const manifest = await (await data("manifest.json", street)).json();
  assert.equal(manifest.scope, "street-S1");
  assert.ok(!("source" in manifest), "what made the store (import file names) is the admin's");
  assert.ok("street_scorecards" in manifest.tables);
  assert.equal(manifest.tables.tickets.rows, 1);
  const table = await tableOf(await data("tickets.arrow", street));
  assert.deepEqual(column(table, "ticket_id"), ["T1"]);
  assert.deepEqual(column(table, "reporter_phone"), ["139****5678"]);
  const scorecards = await tableOf(await data("street_scorecards.arrow", street));
  assert.deepEqual([...new Set(column(scorecards, "place_id").filter(Boolean))].sort(), ["S1", "S2"]);
  const leaders = await tableOf(await data("street_scorecards.arrow", leader));
  assert.equal(leaders.numRows, scorecards.numRows, "the masked roles' reviews read them too");
  assert.equal((await data("street_scorecards.arrow", wall)).status, 404, "the wall's scope has none");
});

step("the wall's manifest lists no ticket table, and it cannot download one", async () => {
  const manifest = await (await data("manifest.json", wall)).json();
  assert.ok(!("tickets" in manifest.tables) && !("callbacks" in manifest.tables));
  assert.ok("places" in manifest.tables);
  for (const file of ["tickets.arrow", "callbacks.arrow", "tickets.arrow?scope=full"]) {
    assert.equal((await data(file, wall)).status, 404, file);
  }
});

step("every table download is in the audit trail, readable by the server only", async () => {
  const path = `${dir}/access/audit.jsonl`;
  const before = (await Deno.readTextFile(path)).split("\n").filter(Boolean).length;
  await (await data("tickets.arrow", street)).body?.cancel();
  await (await data("manifest.json", street)).body?.cancel();
  // A HEAD sends nothing: no download to record.
  assert.equal((await data("tickets.arrow", street, {}, "HEAD")).status, 200);
  const lines = (await Deno.readTextFile(path)).split("\n").filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(lines.length, before + 1, "one entry per table download, none for the manifest");
  const { time, ...entry } = lines.at(-1);
  assert.ok(!Number.isNaN(Date.parse(time)));
  assert.deepEqual(entry, {
    event: "download",
    user: "s1",
    role: "street",
    table: "tickets",
    scope: "street-S1",
    rows: 1,
  });
  assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
});

step("an unknown table is a 404 that says which", async () => {
  const res = await data("residents.arrow", admin);
  assert.equal(res.status, 404);
  assert.match((await res.json()).error, /no table "residents"/);
});

step("vendor files are served from our origin under hashed, immutable URLs", async () => {
  const html = await (await get("/", { cookie: await sessionCookieFor(dir, "admin") })).text();
  const wasm = html.match(/\/_vendor\/duckdb-eh-[0-9a-f]{10}\.wasm/)?.[0];
  assert.ok(wasm, "the overview's island props name the engine's hashed URL");
  const res = await get(wasm!);
  assert.equal(res.headers.get("content-type"), "application/wasm");
  assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
  await res.body?.cancel();
});

Deno.test("the data routes", (t) => stepsOnStore(t, dir, steps));
