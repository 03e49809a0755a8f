/**
 * The server's enforcement, run before every route (routes/_middleware.ts): it checks a
 * state-changing request's Origin, signs a wall in from its token, puts the session's
 * principal on the request's state, and refuses what the policy does not allow (pages
 * go to /login, APIs answer 401; outside the role, 403). Every refusal is audited.
 */
import { langFromUrl, t } from "../i18n.ts";
import { actor, audit, type AuditEntry } from "./audit.ts";
import { isApiPath, isOpenPath, mayOpen } from "./policy.ts";
import { principalOf } from "./principal.ts";
import { hasOwnOrigin, isStateChanging, safeNext, sessionCookie, sessionIdOf } from "./request.ts";
import { lookupSession } from "./sessions.ts";
import { signInWall } from "./sign_in.ts";

export interface GuardContext {
  state: Record<string, unknown>;
  remoteAddr?: { hostname: string };
  next(): Promise<Response>;
}

/** Where the guard keeps the client's address on the state, for `auditFor`. */
const ADDRESS = "clientAddress";

/** Audits an event of the request whose state this is: who (from the principal) and from where are filled in. */
export function auditFor(state: Record<string, unknown>, entry: AuditEntry, dir?: string): Promise<void> {
  return audit({ ...actor(principalOf(state), state[ADDRESS] as string | undefined), ...entry }, dir);
}

export async function guard(req: Request, ctx: GuardContext, dir: string, idleMs: number): Promise<Response> {
  const url = new URL(req.url);
  // Judged as the router reads it: `/api/%61dmin` is routed to `/api/admin`, so it must be refused as that.
  const path = decodedPath(url.pathname);
  if (path === null) return Response.json({ error: "malformed path" }, { status: 400 });
  const { state } = ctx;
  if (ctx.remoteAddr) state[ADDRESS] = ctx.remoteAddr.hostname;
  const refuse = (reason: string) => auditFor(state, { event: "refused", reason, path: `${req.method} ${path}` }, dir);

  const token = path === "/wall" ? url.searchParams.get("token") : null;
  if (token !== null) return await wallSignIn(req, url, token, dir, state[ADDRESS] as string | undefined);

  const sessionId = sessionIdOf(req);
  const found = sessionId ? await lookupSession(dir, sessionId, idleMs) : undefined;
  if (found?.principal) state.principal = found.principal;
  const principal = principalOf(state);

  if (isStateChanging(req) && !hasOwnOrigin(req)) {
    await refuse("origin");
    return Response.json({ error: "cross-site request refused" }, { status: 403 });
  }

  if (isOpenPath(path)) {
    // The wall polls the open health probe: a cookie whose session ended must tell it so.
    if (path === "/api/health" && sessionId && !principal) {
      return Response.json({ error: "signed out" }, { status: 401, headers: { "cache-control": "no-store" } });
    }
    return await ctx.next();
  }
  if (!principal) {
    await refuse(found?.session ? "ended" : "no_session");
    if (isApiPath(path)) return Response.json({ error: "sign in first" }, { status: 401 });
    const login = new URL("/login", url);
    login.searchParams.set("next", url.pathname + url.search);
    if (langFromUrl(url) === "en") login.searchParams.set("lang", "en");
    return new Response(null, { status: 303, headers: { location: login.pathname + login.search } });
  }
  if (!mayOpen(principal, path)) {
    await refuse("role");
    if (isApiPath(path)) return Response.json({ error: "your role may not use this" }, { status: 403 });
    return forbiddenPage(url);
  }

  const res = await ctx.next();
  if (isStateChanging(req) && path.startsWith("/api/reviews/packs") && res.ok) {
    await auditFor(state, { event: "pack_write", path: `${req.method} ${path}` }, dir);
  }
  return res;
}

/** `/wall?token=…`: a session for the screen, and the same address without the token. */
async function wallSignIn(req: Request, url: URL, token: string, dir: string, address?: string): Promise<Response> {
  const sessionId = await signInWall(dir, token, address);
  if (!sessionId) {
    const lang = langFromUrl(url) === "en" ? "&lang=en" : "";
    return new Response(null, { status: 303, headers: { location: `/login?error=wall_token&next=%2Fwall${lang}` } });
  }
  const clean = new URL(url);
  clean.searchParams.delete("token");
  return new Response(null, {
    status: 303,
    headers: { location: safeNext(clean.pathname + clean.search), "set-cookie": sessionCookie(req, sessionId) },
  });
}

function forbiddenPage(url: URL): Response {
  const lang = langFromUrl(url);
  const home = lang === "en" ? "/?lang=en" : "/";
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>403</title></head>` +
    `<body><p>${t(lang, "access.forbidden")}</p><p><a href="${home}">${
      t(lang, "error.back_home")
    }</a></p></body></html>`;
  return new Response(html, { status: 403, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** The path as the router decodes it (`decodeURI`: `%2F` stays a character of a name), or null when malformed. */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURI(pathname);
  } catch {
    return null;
  }
}
