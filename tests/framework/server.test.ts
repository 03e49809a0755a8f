import assert from "node:assert/strict";
import { brotliDecompressSync } from "node:zlib";
import { createApp } from "../../framework/server.ts";

const root = new URL("./fixture", import.meta.url).pathname;
const cacheDir = await Deno.makeTempDir();
const CSP = "default-src 'self'";
const app = await createApp({ root, cacheDir, contentSecurityPolicy: CSP });
const get = (path: string, headers: Record<string, string> = {}) =>
  app.fetch(new Request(`http://localhost${path}`, { headers }));

Deno.test("a page is wrapped in _app, with islands marked and their props serialised safely", async () => {
  const res = await get("/");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  assert.equal(res.headers.get("content-security-policy"), CSP);
  assert.equal(res.headers.get("referrer-policy"), "same-origin", "so a form's POST carries our Origin, not null");
  const html = await res.text();
  assert.match(html, /^<!DOCTYPE html><html lang="zh-CN">/);
  assert.match(html, /<div data-island="Counter" data-island-index="0" style="display:contents"><button/);
  // Badge is an island too, but inside Counter it is hydrated by Counter: no marker of its own.
  assert.ok(!html.includes('data-island="Badge"'));
  const state = html.match(/<script type="application\/json" id="__linli_islands">(.*?)<\/script>/)![1];
  assert.ok(!state.includes("</script"));
  const parsed = JSON.parse(state);
  assert.deepEqual(parsed.instances, [
    { name: "Counter", props: { start: 3, label: "</script><script>alert(1)</script>" } },
  ]);
  assert.match(parsed.modules.Counter, /^\/_islands\/Counter-[A-Z0-9]+\.js$/);
  assert.match(html, /<script type="module" src="\/_islands\/client-[A-Z0-9]+\.js"><\/script><\/body>/);
});

Deno.test("island bundles are hashed, immutable, and share one Preact chunk", async () => {
  const html = await (await get("/")).text();
  const url = JSON.parse(html.match(/id="__linli_islands">(.*?)<\/script>/)![1]).modules.Counter;
  const res = await get(url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.match(res.headers.get("content-type")!, /javascript/);
  const code = await res.text();
  assert.match(code, /from"\.\/chunk-[A-Z0-9]+\.js"/);
  const client = html.match(/src="(\/_islands\/client-[A-Z0-9]+\.js)"/)![1];
  const clientCode = await (await get(client)).text();
  // The runtime imports only Preact; the island must import that very chunk, not a copy.
  const chunks = (s: string) => new Set(s.match(/chunk-[A-Z0-9]+\.js/g));
  assert.ok(chunks(clientCode).size > 0);
  for (const chunk of chunks(clientCode)) assert.ok(chunks(code).has(chunk), chunk);
});

Deno.test("pages without islands ship no JavaScript", async () => {
  const html = await (await get("/inside")).text();
  assert.ok(!html.includes("<script"));
  assert.match(html, /<div class="group-layout"><p>inside<\/p><\/div>/);
});

Deno.test("[param] routes get their params and can render data or a 404", async () => {
  assert.match(
    await (await get("/items/42")).text(),
    /<p class="item">item <!-- -->42<\/p>|<p class="item">item 42<\/p>/,
  );
  const missing = await get("/items/missing");
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /页面不存在/);
});

Deno.test("unknown paths get the _404 page", async () => {
  const res = await get("/nowhere");
  assert.equal(res.status, 404);
  assert.match(await res.text(), /<p class="not-found">页面不存在<\/p>/);
});

Deno.test("a render error gets the _error page, naming nothing internal", async () => {
  const originalError = console.error;
  console.error = () => {};
  try {
    const res = await get("/bad-props");
    assert.equal(res.status, 500);
    const html = await res.text();
    assert.match(html, /服务器出错/);
    assert.ok(!html.includes("Counter props"));
  } finally {
    console.error = originalError;
  }
});

Deno.test("api routes answer with their handler", async () => {
  assert.deepEqual(await (await get("/api/echo?q=%E9%82%BB")).json(), { q: "邻" });
});

Deno.test("static files: plain path no-cache, hashed path immutable, brotli when accepted", async () => {
  const plain = await get("/hello.txt");
  assert.equal(plain.headers.get("cache-control"), "no-cache");
  const text = await plain.text();
  await app.compress();
  const br = await get("/hello.txt", { "accept-encoding": "gzip, br" });
  assert.equal(br.headers.get("content-encoding"), "br");
  const decoded = new TextDecoder().decode(brotliDecompressSync(new Uint8Array(await br.arrayBuffer())));
  assert.equal(decoded, text);
  const identity = await get("/hello.txt", { "accept-encoding": "gzip" });
  assert.equal(identity.headers.get("content-encoding"), null);
  assert.equal(await identity.text(), text);
});

Deno.test("a method a route does not handle is a 405 listing the ones it does", async () => {
  const res = await app.fetch(new Request("http://localhost/api/echo", { method: "POST", body: "{}" }));
  assert.equal(res.status, 405);
  assert.equal(res.headers.get("allow"), "GET, HEAD");
  const page = await app.fetch(new Request("http://localhost/inside", { method: "DELETE" }));
  assert.equal(page.status, 405);
  assert.equal(page.headers.get("allow"), "GET, HEAD");
});

Deno.test("_middleware runs before the route, outermost first, and its state reaches handlers and pages", async () => {
  const api = await get("/api/state", { "x-who": "wang" });
  // The router puts the route it matched on the state too, for the access log.
  assert.deepEqual(await api.json(), { route: "/api/state", who: "wang" });
  assert.equal(api.headers.get("x-middleware"), "root route");
  const page = await get("/whoami", { "x-who": "li" });
  assert.match(await page.text(), /<p class="who">li group=true<\/p>/);
  // The group's middleware answers without calling next: the page never renders.
  const refused = await get("/whoami", { "x-who": "stranger" });
  assert.equal(refused.status, 403);
  assert.equal(await refused.text(), "go away");
  assert.equal(refused.headers.get("x-middleware"), "root route");
  // Pages outside the group do not run the group's middleware.
  assert.equal((await get("/inside", { "x-who": "stranger" })).status, 403);
  assert.equal((await get("/", { "x-who": "stranger" })).status, 200);
});

Deno.test("the root _middleware runs for paths no route matches too, and not for static files", async () => {
  const missing = await get("/nowhere");
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get("x-middleware"), "root notFound");
  assert.equal((await get("/hello.txt")).headers.get("x-middleware"), null);
});
