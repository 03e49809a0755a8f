/**
 * Single sign-on end to end: a real OpenID provider (`oidc-provider`, with its development
 * login form) on loopback, Linli's start and callback routes, the code flow with PKCE, and
 * the role taken from the person's `groups` claim.
 */
import assert from "node:assert/strict";
import Provider from "oidc-provider";
import { VENDOR_FILES } from "../../components/vendor.ts";
import { createApp } from "../../framework/server.ts";
import { findAccount, setDisabled } from "../../lib/access/accounts.ts";
import { readAudit } from "../../lib/access/audit.ts";
import { ROOT } from "../../lib/config.ts";

const APP = "http://localhost";
const ssoError = (res: Response) => new URL(res.headers.get("location")!, APP).searchParams.get("sso_error") ?? "";
const GROUPS: Record<string, string[]> = {
  zhang: ["staff", "linli-wenchang"],
  wang: ["linli-leaders", "linli-wenchang"],
  zhao: ["staff"],
};

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** A browser's cookies for one site, enough for the provider's session and interaction cookies. */
class CookieJar {
  #cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Walks the provider's pages as a person would: follows redirects, and on each form (the
 * login, then the consent) fills in the username and submits, until the provider sends
 * the browser back to Linli; answers that address.
 */
async function signInAtProvider(start: string, username: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(start);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === APP) return url;
    const res = await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get("location");
    if (location) {
      await res.body?.cancel();
      url = new URL(location, url);
      init = {};
      continue;
    }
    const html = await res.text();
    const form = html.match(/<form[^>]*action="([^"]+)"[^>]*>([^]*?)<\/form>/);
    assert.ok(form, `the provider's page at ${url} has no form: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const input of form[2].matchAll(/<input[^>]*>/g)) {
      const name = input[0].match(/name="([^"]+)"/)?.[1];
      const value = input[0].match(/value="([^"]*)"/)?.[1] ?? "";
      if (name) fields.set(name, name === "login" || name === "password" ? username : value);
    }
    url = new URL(form[1].replaceAll("&amp;", "&"), url);
    init = { method: "POST", body: fields, headers: { "content-type": "application/x-www-form-urlencoded" } };
  }
  throw new Error("the provider never sent the browser back");
}

Deno.test("single sign-on against a real OpenID provider on loopback", async (t) => {
  const port = freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: "linli",
      client_secret: "linli-test-secret",
      redirect_uris: [`${APP}/api/auth/oidc/callback`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    }],
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, preferred_username: id, name: `${id} 同志`, groups: GROUPS[id] ?? [] }),
    }),
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "groups"] },
    cookies: { keys: ["oidc-test-cookie-key"] },
    ttl: { AccessToken: 600, IdToken: 600, Grant: 600, Interaction: 600, Session: 600 },
  });
  const quiet = console.warn;
  console.warn = () => {}; // the provider warns that its development login form is for development
  const server = provider.listen(port);
  console.warn = quiet;

  const dir = await Deno.makeTempDir();
  const saved = Object.fromEntries(
    ["LINLI_DATA", "LINLI_OIDC_ISSUER", "LINLI_OIDC_CLIENT_ID", "LINLI_OIDC_CLIENT_SECRET", "LINLI_OIDC_ROLES"].map((
      k,
    ) => [k, Deno.env.get(k)]),
  );
  Deno.env.set("LINLI_DATA", dir);
  Deno.env.set("LINLI_OIDC_ISSUER", issuer);
  Deno.env.set("LINLI_OIDC_CLIENT_ID", "linli");
  Deno.env.set("LINLI_OIDC_CLIENT_SECRET", "linli-test-secret");
  Deno.env.set(
    "LINLI_OIDC_ROLES",
    JSON.stringify({ "linli-wenchang": { role: "street", streets: ["S01"] }, "linli-leaders": { role: "leader" } }),
  );
  const app = await createApp({
    root: ROOT,
    vendor: VENDOR_FILES,
    cacheDir: await Deno.makeTempDir(),
    contentSecurityPolicy: "default-src 'self'",
  });
  const appGet = (path: string | URL, cookie = "") =>
    app.fetch(new Request(new URL(path, APP), { headers: cookie ? { cookie } : {} }));

  /** The whole round: Linli's start, the provider's pages, Linli's callback; the callback's answer. */
  async function signIn(username: string, next = "/sql") {
    const start = await appGet(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`);
    assert.equal(start.status, 303);
    const authorize = new URL(start.headers.get("location")!);
    assert.equal(authorize.origin, issuer);
    assert.equal(authorize.searchParams.get("code_challenge_method"), "S256");
    assert.ok(authorize.searchParams.get("code_challenge"));
    const binding = start.headers.get("set-cookie")!.split(";")[0];
    const back = await signInAtProvider(authorize.href, username);
    assert.equal(back.pathname, "/api/auth/oidc/callback");
    return { callback: await appGet(back, binding), back, binding };
  }

  try {
    await t.step("the login page offers single sign-on", async () => {
      assert.match(await (await appGet("/login")).text(), /href="\/api\/auth\/oidc\/start\?next=%2F"/);
    });

    await t.step("a street official of 文昌街道 signs in; the role and street come from the groups claim", async () => {
      const { callback } = await signIn("zhang", "/map?street=S01");
      assert.equal(callback.status, 200);
      assert.match(await callback.text(), /http-equiv="refresh" content="0;url=\/map\?street=S01"/);
      const session = callback.headers.get("set-cookie")!;
      assert.match(session, /^linli_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict/);
      const cookie = session.split(";")[0];
      const page = await appGet("/sql", cookie);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /zhang 同志/);
      assert.equal((await appGet("/admin", cookie)).status, 403, "a street official is no admin");
      const account = await findAccount(dir, "zhang");
      assert.deepEqual([account?.role, account?.streets, account?.password], ["street", ["S01"], null]);
      const entry = (await readAudit(dir)).findLast((r) => r.event === "sign_in");
      assert.deepEqual([entry?.user, entry?.role, entry?.detail], ["zhang", "street", "single sign-on"]);
    });

    await t.step("in several groups, the widest role held wins", async () => {
      const { callback } = await signIn("wang");
      assert.equal(callback.status, 200);
      assert.equal((await findAccount(dir, "wang"))?.role, "leader");
    });

    await t.step("a person whose groups grant no role is refused, and the refusal audited", async () => {
      const { callback } = await signIn("zhao");
      assert.equal(callback.status, 303);
      assert.match(ssoError(callback), /no role is granted to zhao/);
      assert.equal(await findAccount(dir, "zhao"), undefined);
      assert.equal((await readAudit(dir)).findLast((r) => r.event === "sign_in_failed")?.reason, "sso_no_role");
    });

    await t.step("a disabled account is refused even when the provider vouches for it", async () => {
      await setDisabled(dir, "zhang", true);
      const { callback } = await signIn("zhang");
      assert.equal(callback.status, 303);
      assert.match(ssoError(callback), /the account zhang is disabled/);
    });

    await t.step("a callback without the browser's binding cookie, or replayed, is refused", async () => {
      const { back, binding } = await signIn("wang");
      const replay = await appGet(back, binding);
      assert.equal(replay.status, 303, "the code and state were used once already");
      assert.match(ssoError(replay), /expired or was not started here/);
      const start = await appGet("/api/auth/oidc/start");
      const other = await signInAtProvider(start.headers.get("location")!, "wang");
      assert.equal((await appGet(other)).status, 303, "another browser cannot finish this one's sign-in");
    });
  } finally {
    server.close();
    for (const [k, v] of Object.entries(saved)) v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
  }
});
