/** The product's app as main.ts builds it (without its middleware), for route tests, and a store to point it at. */
import { VENDOR_FILES } from "../../components/vendor.ts";
import { createApp } from "../../framework/server.ts";
import type { Role } from "../../lib/access/principal.ts";
import { ROOT } from "../../lib/config.ts";
import { prebuildsSettled } from "../../lib/store/prebuild.ts";
import { closeScopeAnswers } from "../../lib/store/scope_answers.ts";
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

/**
 * Waits for the builds the app started in the background (a health poll starts a version's)
 * and closes its answer engines: a test module that ends with native DuckDB still at work
 * in its store takes the whole test run down with it.
 */
export async function serverSettled(): Promise<void> {
  await prebuildsSettled();
  await closeScopeAnswers();
}

/** Runs `fn` with the environment `env` set, restoring what was there before. */
export async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, Deno.env.get(k)]));
  for (const [k, v] of Object.entries(env)) Deno.env.set(k, v);
  try {
    return await fn();
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
