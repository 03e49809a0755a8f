import assert from "node:assert/strict";
import { brotliDecompressSync } from "node:zlib";
import { productApp } from "./product_app.ts";
import { streamToTable } from "../../lib/store/arrow.ts";
import { writeStore } from "../../lib/store/store.ts";
import { sessionCookieFor, stepsOnStore } from "./access_fixtures.ts";

const dir = await Deno.makeTempDir();
const app = await productApp();
/** Steps run inside one test that points LINLI_DATA at a temporary store and restores it after. */
const steps: [string, () => Promise<void>][] = [];
const step = (name: string, fn: () => Promise<void>) => steps.push([name, fn]);

const cookie = await sessionCookieFor(dir, "admin");
const get = (path: string, headers: Record<string, string> = {}) =>
  app.fetch(new Request(`http://localhost${path}`, { headers: { cookie, ...headers } }));

const tickets = (status: string) => ({
  ticket_id: ["T1"],
  created_at: [Date.UTC(2024, 0, 1)],
  status: [status],
  reporter_name: ["王女士"],
  reporter_phone: ["13912345678"],
  description: ["楼道灯坏了"],
});

step("the store is served as Arrow, brotli-compressed, revalidated by version", async () => {
  const m = await writeStore(dir, { tickets: tickets("open") }, "test");
  const manifest = await (await get("/api/data/manifest.json")).json();
  assert.equal(manifest.version, m.version);
  const res = await get("/api/data/tickets.arrow", { "accept-encoding": "br" });
  assert.equal(res.headers.get("content-encoding"), "br");
  assert.equal(res.headers.get("cache-control"), "no-cache");
  const table = streamToTable(brotliDecompressSync(new Uint8Array(await res.arrayBuffer())));
  assert.equal(table.getChild("reporter_phone")!.get(0), "13912345678");
  const etag = res.headers.get("etag")!;
  assert.equal((await get("/api/data/tickets.arrow", { "if-none-match": etag })).status, 304);
});

step("a new import is served at once, without a restart", async () => {
  const before = (await get("/api/data/tickets.arrow")).headers.get("etag");
  await writeStore(dir, { tickets: tickets("closed") }, "test 2");
  const res = await get("/api/data/tickets.arrow");
  assert.notEqual(res.headers.get("etag"), before);
  assert.equal(streamToTable(new Uint8Array(await res.arrayBuffer())).getChild("status")!.get(0), "closed");
});

step("the public scope never carries names, phones or descriptions", async () => {
  const res = await get("/api/data/tickets.arrow?scope=public");
  const bytes = new Uint8Array(await res.arrayBuffer());
  const names = streamToTable(bytes).schema.fields.map((f) => f.name);
  for (const c of ["reporter_name", "reporter_phone", "description", "address"]) assert.ok(!names.includes(c), c);
  const text = new TextDecoder().decode(bytes);
  assert.ok(!text.includes("13912345678") && !text.includes("王女士"));
});

step("an unknown table is a 404 that says which", async () => {
  const res = await get("/api/data/residents.arrow");
  assert.equal(res.status, 404);
  assert.match((await res.json()).error, /no table "residents"/);
});

step("vendor files are served from our origin under hashed, immutable URLs", async () => {
  const html = await (await get("/")).text();
  const wasm = html.match(/\/_vendor\/duckdb-eh-[0-9a-f]{10}\.wasm/)?.[0];
  assert.ok(wasm, "the overview's island props name the engine's hashed URL");
  const res = await get(wasm!);
  assert.equal(res.headers.get("content-type"), "application/wasm");
  assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
  await res.body?.cancel();
});

Deno.test("the data routes", (t) => stepsOnStore(t, dir, steps));
