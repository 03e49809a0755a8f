/**
 * The `Host` check against DNS rebinding: a page on another site whose name is made to
 * resolve to this server would otherwise read the data with the victim's session. Any
 * request whose `Host` is not one of the names the server is reached by answers 421.
 */
import type { Middleware } from "./middleware.ts";

const LOOPBACK = ["localhost", "127.0.0.1", "::1"];
const WILDCARD = ["0.0.0.0", "::", ""];

/**
 * `LINLI_ALLOWED_HOSTS` (comma-separated host names, `*` for any) when set; otherwise the
 * address listened on, plus the loopback names when that is loopback, plus this machine's
 * name and addresses when listening on all interfaces.
 */
export function allowedHosts(setting: string | undefined, listenHost: string): Set<string> | "any" {
  const given = setting?.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (given?.length) return given.includes("*") ? "any" : new Set(given.map(bare));
  const host = bare(listenHost.toLowerCase());
  const names = new Set([host]);
  if (LOOPBACK.includes(host) || host.startsWith("127.")) LOOPBACK.forEach((h) => names.add(h));
  if (WILDCARD.includes(host)) {
    names.delete(host);
    LOOPBACK.forEach((h) => names.add(h));
    names.add(Deno.hostname().toLowerCase());
    for (const i of Deno.networkInterfaces()) names.add(i.address.toLowerCase());
  }
  return names;
}

/** `[::1]:8000` → `::1`, `Example.org:8000` → `example.org`. */
function bare(host: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (v6) return v6[1];
  return host.includes(":") && host.indexOf(":") === host.lastIndexOf(":") ? host.slice(0, host.indexOf(":")) : host;
}

export function hostCheck(allowed: Set<string> | "any"): Middleware {
  return async (req, next) => {
    if (allowed === "any") return await next();
    const host = bare((req.headers.get("host") ?? new URL(req.url).host).toLowerCase());
    if (allowed.has(host)) return await next();
    return new Response("Misdirected request: this server does not answer for that host name.\n", {
      status: 421,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  };
}
