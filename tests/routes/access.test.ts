/**
 * The server's enforcement end to end through the real app: sign-in and out, the limit on
 * failed attempts, every route refused without a session, roles, the wall's token and the
 * Origin check, each leaving its line in the audit trail.
 */
import assert from "node:assert/strict";
import { listRouteFiles } from "../../framework/routes.ts";
import { addAccount, setDisabled } from "../../lib/access/accounts.ts";
import { type AuditRecord, readAudit } from "../../lib/access/audit.ts";
import { isOpenPath } from "../../lib/access/policy.ts";
import { addWallToken, revokeWallToken } from "../../lib/access/wall_tokens.ts";
import { ROOT } from "../../lib/config.ts";
import { sessionCookieFor, stepsOnStore, storeWithStreets } from "./access_fixtures.ts";
import { productApp, serverSettled } from "./product_app.ts";

const dir = await storeWithStreets();
const app = await productApp();
const ORIGIN = "http://localhost";
const request = (path: string, init: RequestInit = {}) => app.fetch(new Request(`${ORIGIN}${path}`, init));
const get = (path: string, cookie?: string) => request(path, { headers: cookie ? { cookie } : {} });
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
  });
const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0];
const trail = () => readAudit(dir);
const lastOf = async (pred: (r: AuditRecord) => boolean) => (await trail()).findLast(pred);

const steps: [string, () => Promise<void>][] = [];
const step = (name: string, fn: () => Promise<void>) => steps.push([name, fn]);

/** Every route of the product with sample parameters, from its files: none may be left out. */
async function everyRoute(): Promise<string[]> {
  const files = await listRouteFiles(`${ROOT}/routes`);
  return files.filter((f) => f.kind === "page").map((f) =>
    f.pattern.replace(/:\w+\{\.\+\}/g, "1/2/3.pbf").replace(/:month/, "2026-01").replace(/:quarter/, "2026-Q1")
      .replace(/:year/, "2026").replace(/:(\w+)/g, "x")
  ).filter((p) => !isOpenPath(p));
}

step("without a session every page redirects to /login with where it was going, every API answers 401", async () => {
  const routes = await everyRoute();
  assert.ok(routes.includes("/api/data/x") && routes.includes("/admin") && routes.includes("/wall"), String(routes));
  for (const path of routes) {
    const res = await get(`${path}?lang=en`);
    if (path.startsWith("/api/")) {
      assert.equal(res.status, 401, path);
      assert.deepEqual(await res.json(), { error: "sign in first" });
    } else {
      assert.equal(res.status, 303, path);
      const location = new URL(res.headers.get("location")!, ORIGIN);
      assert.equal(location.pathname, "/login");
      assert.equal(location.searchParams.get("next"), `${path}?lang=en`);
      assert.equal(location.searchParams.get("lang"), "en");
    }
  }
  // A path no route has is refused the same way: nothing tells a stranger what exists.
  assert.equal((await get("/api/nothing-here")).status, 401);
  const refusal = await lastOf((r) => r.event === "refused" && r.reason === "no_session");
  assert.ok(refusal?.path?.startsWith("GET /"));
});

step("the open paths stay open: the login page, the health probe, static files", async () => {
  const login = await get("/login");
  assert.equal(login.status, 200);
  const html = await login.text();
  assert.match(html, /action="\/api\/auth\/login"/);
  assert.ok(!html.includes("示范账号"), "no demo accounts on a store that is not the demo");
  assert.match(html, /task user add admin --role admin/, "it says how to create the first admin");
  assert.equal((await get("/api/health")).status, 200);
  assert.equal((await get("/favicon.svg")).status, 200);
});

step("a JSON sign-in answers 204 with an HttpOnly, SameSite=Strict cookie; wrong passwords 401", async () => {
  await addAccount(dir, { name: "wang", role: "admin", display: "王管理", password: "correct horse" });
  const res = await postJson("/api/auth/login", { username: "wang", password: "correct horse" }, {
    "x-forwarded-for": "ignored",
  });
  assert.equal(res.status, 204);
  const cookie = res.headers.get("set-cookie")!;
  assert.match(cookie, /^linli_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
  const page = await get("/admin", cookieOf(res));
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /王管理/, "the header says who is signed in");
  assert.match(html, /action="\/api\/auth\/logout"/);
  assert.match(html, /<td>wang<\/td>/, "the admin page lists the accounts");
  assert.match(html, /sign_in/, "and the audit trail");
  assert.equal((await postJson("/api/auth/login", { username: "wang", password: "wrong horse" })).status, 401);
  assert.equal((await postJson("/api/auth/login", { username: "nobody", password: "x" })).status, 401);
  const signIn = await lastOf((r) => r.event === "sign_in");
  assert.deepEqual([signIn?.user, signIn?.role], ["wang", "admin"]);
  assert.equal((await lastOf((r) => r.event === "sign_in_failed"))?.user, "nobody");
  assert.ok(!JSON.stringify(await trail()).includes("horse"), "no password in the trail");
  assert.ok(!JSON.stringify(await trail()).includes(cookieOf(res).split("=")[1]), "no session id in the trail");
});

step("over TLS (here, behind a proxy that says so) the cookie is Secure", async () => {
  const res = await postJson("/api/auth/login", { username: "wang", password: "correct horse" }, {
    "x-forwarded-proto": "https",
    origin: "https://localhost",
  });
  assert.equal(res.status, 204);
  assert.match(res.headers.get("set-cookie")!, /; Secure/);
});

step("five failed attempts for a name answer 429 until the window passes, even with the right password", async () => {
  await addAccount(dir, { name: "li", role: "analyst", password: "analyst password" });
  for (let i = 0; i < 5; i++) {
    assert.equal((await postJson("/api/auth/login", { username: "li", password: `guess ${i}` })).status, 401);
  }
  const limited = await postJson("/api/auth/login", { username: "li", password: "analyst password" });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get("retry-after")) > 14 * 60);
  assert.equal((await lastOf((r) => r.event === "sign_in_failed"))?.reason, "limited");
  // Another name is not held up by li's failures.
  assert.equal((await postJson("/api/auth/login", { username: "wang", password: "correct horse" })).status, 204);
});

step("the login form signs in and goes on to a relative next only", async () => {
  const form = (next: string) =>
    request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      body: new URLSearchParams({ username: "wang", password: "correct horse", next }),
    });
  const ok = await form("/map?street=S01");
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get("location"), "/map?street=S01");
  for (const evil of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
    assert.equal((await form(evil)).headers.get("location"), "/", evil);
  }
  const wrong = await request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
    body: new URLSearchParams({ username: "wang", password: "nope", next: "/sql" }),
  });
  assert.equal(wrong.headers.get("location"), "/login?error=failed&next=%2Fsql");
  assert.match(await (await get("/login?error=failed")).text(), /用户名或密码错误/);
});

step("a cross-site or Origin-less POST is refused with 403 and audited", async () => {
  const body = { username: "wang", password: "correct horse" };
  assert.equal((await postJson("/api/auth/login", body, { origin: "https://evil.example" })).status, 403);
  const noOrigin = await request("/api/auth/login", { method: "POST", body: JSON.stringify(body) });
  assert.equal(noOrigin.status, 403);
  const cookie = await sessionCookieFor(dir, "leader");
  const pack = await request("/api/reviews/packs", {
    method: "POST",
    body: "{}",
    headers: { cookie, origin: "http://localhost.evil.example" },
  });
  assert.equal(pack.status, 403);
  const refusal = await lastOf((r) => r.event === "refused" && r.reason === "origin");
  assert.equal(refusal?.path, "POST /api/reviews/packs");
  assert.equal(refusal?.role, "leader");
});

step("a route outside the role answers 403, and the header offers only the role's pages", async () => {
  const street = await sessionCookieFor(dir, "street", ["S01"]);
  for (const path of ["/admin", "/wall"]) assert.equal((await get(path, street)).status, 403, path);
  const sql = await get("/sql", street);
  assert.equal(sql.status, 200);
  const nav = (await sql.text()).match(/<nav>(.*?)<\/nav>/)![1];
  assert.ok(!nav.includes('href="/wall"') && !nav.includes('href="/admin"') && nav.includes('href="/sql"'), nav);
  const analyst = await sessionCookieFor(dir, "analyst");
  assert.equal((await get("/admin", analyst)).status, 403);
  assert.equal((await get("/api/admin/anything", analyst)).status, 403);
  assert.equal((await get("/wall", analyst)).status, 200);
  const refusal = await lastOf((r) => r.event === "refused" && r.reason === "role");
  assert.deepEqual([refusal?.role, refusal?.path], ["analyst", "GET /api/admin/anything"]);
});

step("a route is judged as the router reads it: a percent-encoded letter reaches no admin route", async () => {
  const analyst = await sessionCookieFor(dir, "analyst");
  for (const path of ["/api/%61dmin/import/history", "/%61dmin", "/%64ata/quality", "/api/admin%2Fimport/history"]) {
    assert.ok([403, 404].includes((await get(path, analyst)).status), path);
  }
  assert.equal((await get("/api/%61dmin/import/history", analyst)).status, 403);
  assert.equal((await get("/%E0%A4%A", analyst)).status, 400);
});

step("sign-out ends the session: its cookie no longer opens anything", async () => {
  const cookie = cookieOf(await postJson("/api/auth/login", { username: "wang", password: "correct horse" }));
  const out = await postJson("/api/auth/logout", {}, { cookie });
  assert.equal(out.status, 204);
  assert.match(out.headers.get("set-cookie")!, /Max-Age=0/);
  assert.equal(out.headers.get("clear-site-data"), '"storage"', "the scope's database kept for revisits goes too");
  assert.equal((await get("/api/data/manifest.json", cookie)).status, 401);
  assert.equal((await lastOf((r) => r.event === "sign_out"))?.user, "wang");
});

step("disabling an account ends its sessions at their next request", async () => {
  const cookie = await sessionCookieFor(dir, "leader");
  const name = (await (await get("/sql", cookie)).text()).match(/data-user="([^"]+)"/)![1];
  await setDisabled(dir, name, true);
  assert.equal((await get("/sql", cookie)).status, 303);
  assert.equal((await lastOf((r) => r.event === "refused"))?.reason, "ended");
});

step("the wall signs in with its token, drops it from the address, and is signed out once it is revoked", async () => {
  const token = await addWallToken(dir, "command-room");
  const signIn = await get(`/wall?token=${token}&scenes=map,ranking`);
  assert.equal(signIn.status, 303);
  assert.equal(signIn.headers.get("location"), "/wall?scenes=map%2Cranking");
  const cookie = cookieOf(signIn);
  assert.equal((await get("/wall", cookie)).status, 200);
  assert.equal((await get("/api/health", cookie)).status, 200);
  assert.equal((await get("/map", cookie)).status, 403, "the wall opens the wall only");
  assert.equal((await get("/api/reviews/packs?kind=quarter&period=2026-Q1", cookie)).status, 403);
  assert.equal((await lastOf((r) => r.event === "wall_sign_in"))?.user, "command-room");

  await revokeWallToken(dir, "command-room");
  const health = await get("/api/health", cookie);
  assert.equal(health.status, 401, "the wall's next poll learns it is signed out");
  assert.equal((await get("/api/data/manifest.json", cookie)).status, 401);
  assert.equal((await get("/wall", cookie)).status, 303);
  assert.equal((await get("/api/health")).status, 200, "without a cookie the probe stays open");
  const again = await get(`/wall?token=${token}`);
  assert.equal(again.headers.get("location"), "/login?error=wall_token&next=%2Fwall");
  assert.equal((await lastOf((r) => r.event === "refused"))?.reason, "wall_token");
});

step("a leader's pack write is audited", async () => {
  const cookie = await sessionCookieFor(dir, "leader");
  const res = await request("/api/reviews/packs", { method: "POST", body: "{}", headers: { cookie, origin: ORIGIN } });
  // An empty pack is refused by the route; only written packs are audited as writes.
  assert.equal(res.status, 400);
  assert.notEqual((await lastOf(() => true))?.event, "pack_write");
});

step("review packs are frozen by the district office only: a street official or an analyst gets 403", async () => {
  for (const role of ["street", "analyst"] as const) {
    const cookie = await sessionCookieFor(dir, role, role === "street" ? ["S01"] : []);
    const res = await request("/api/reviews/packs", {
      method: "POST",
      body: "{}",
      headers: { cookie, origin: ORIGIN },
    });
    assert.equal(res.status, 403, role);
    await res.body?.cancel();
  }
});

step("frozen packs hold the whole district's lists: a street official may not list or open them", async () => {
  const street = await sessionCookieFor(dir, "street", ["S01"]);
  for (const path of ["/api/reviews/packs?kind=month&period=2026-11", "/api/reviews/packs/month-2026-11-0"]) {
    const res = await get(path, street);
    assert.equal(res.status, 403, path);
    await res.body?.cancel();
  }
  const analyst = await sessionCookieFor(dir, "analyst");
  const list = await get("/api/reviews/packs?kind=month&period=2026-11", analyst);
  assert.equal(list.status, 200);
  await list.body?.cancel();
});

step("the audit trail file is readable by the server's user only", async () => {
  for (const file of ["audit.jsonl", "users.json", "sessions.json", "wall_tokens.json"]) {
    assert.equal((await Deno.stat(`${dir}/access/${file}`)).mode! & 0o777, 0o600, file);
  }
});

Deno.test("access enforcement", (t) => stepsOnStore(t, dir, steps).finally(serverSettled));
