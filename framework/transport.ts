/**
 * HTTPS served by Deno itself when `LINLI_TLS_CERT` and `LINLI_TLS_KEY` name PEM files, and
 * then HSTS on every answer, so a browser that came once never falls back to plain HTTP.
 * Behind a reverse proxy that terminates TLS, leave them unset (docs/deploy.md).
 */
import type { Middleware } from "./middleware.ts";

export interface Tls {
  cert: string;
  key: string;
}

/** The certificate and key, or null for plain HTTP; one without the other is an error. */
export async function tlsFromEnv(env: (name: string) => string | undefined): Promise<Tls | null> {
  const certFile = env("LINLI_TLS_CERT"), keyFile = env("LINLI_TLS_KEY");
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) throw new Error("LINLI_TLS_CERT and LINLI_TLS_KEY must be set together");
  return { cert: await Deno.readTextFile(certFile), key: await Deno.readTextFile(keyFile) };
}

export const HSTS = "max-age=31536000";

export function strictTransport(): Middleware {
  return async (_req, next) => {
    const res = await next();
    const headers = new Headers(res.headers);
    headers.set("strict-transport-security", HSTS);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}
