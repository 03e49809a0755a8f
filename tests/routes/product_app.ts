/** The product's app as main.ts builds it (without its middleware), for route tests, and a store to point it at. */
import { VENDOR_FILES } from "../../components/vendor.ts";
import { createApp } from "../../framework/server.ts";
import type { Role } from "../../lib/access/principal.ts";
import { ROOT } from "../../lib/config.ts";
import { sessionCookieFor } from "./access_fixtures.ts";

export function productApp() {
  return (async () =>
    createApp({
      root: ROOT,
      vendor: VENDOR_FILES,
      cacheDir: await Deno.makeTempDir(),
      contentSecurityPolicy: "default-src 'self'",
    }))();
}

/** Runs `fn` with the environment `env` set, restoring what was there before. */
export async function withEnv(env: Record<string, string>, fn: () => Promise<void>): Promise<void> {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, Deno.env.get(k)]));
  for (const [k, v] of Object.entries(env)) Deno.env.set(k, v);
  try {
    await fn();
  } finally {
    for (const [k, v] of Object.entries(previous)) v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
  }
}

/**
 * `app.fetch` as a signed-in person of the store `dir` calls it: with a session cookie
 * for a new account of `role`, and the same-origin `Origin` a browser sends on a write.
 */
export async function fetchSignedIn(
  app: { fetch: (req: Request) => Response | Promise<Response> },
  dir: string,
  role: Role = "admin",
): Promise<(req: Request) => Promise<Response>> {
  const cookie = await sessionCookieFor(dir, role);
  return async (req) => {
    const headers = new Headers(req.headers);
    headers.set("cookie", cookie);
    if (!["GET", "HEAD"].includes(req.method)) headers.set("origin", new URL(req.url).origin);
    return await app.fetch(new Request(req, { headers }));
  };
}
