/** What the access checks read from a request: its session cookie, origin and safe return address. */
import { parse, serialize } from "hono/utils/cookie";

export const SESSION_COOKIE = "linli_session";

export function sessionIdOf(req: Request): string | undefined {
  const header = req.headers.get("cookie");
  return header ? parse(header, SESSION_COOKIE)[SESSION_COOKIE] || undefined : undefined;
}

/** TLS at this server or at the proxy in front of it (which sets X-Forwarded-Proto). */
export function cameOverTls(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
}

/** The server's own origin as the browser sees it. */
export function ownOrigin(req: Request): string {
  const url = new URL(req.url);
  return `${cameOverTls(req) ? "https:" : url.protocol}//${url.host}`;
}

/**
 * A state-changing request must say it comes from one of our own pages: browsers send
 * Origin on every POST, our own origin as long as our referrer policy is `same-origin`.
 */
export function isStateChanging(req: Request): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(req.method);
}

export function hasOwnOrigin(req: Request): boolean {
  return req.headers.get("origin") === ownOrigin(req);
}

/** `Set-Cookie` for a session id; an empty id clears the cookie. */
export function sessionCookie(req: Request, id: string): string {
  return serialize(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: cameOverTls(req),
    ...(id ? {} : { maxAge: 0 }),
  });
}

/** `next` when it is a path on this server, else `/`: a sign-in never sends anyone elsewhere. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  // Never requested: a base to resolve `next` against, to see whether it would leave this server.
  const base = "http://linli.invalid";
  const url = new URL(next, base);
  return url.origin === base ? url.pathname + url.search + url.hash : "/";
}

/** Binds a single sign-on under way to the browser that started it. */
export const OIDC_COOKIE = "linli_oidc";
