/**
 * `POST /api/auth/login`: JSON `{username, password}` answers 204 with the session cookie,
 * 401 or 429; the login page's form gets a redirect to where it was going, or back.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { safeNext, sessionCookie } from "../../../lib/access/request.ts";
import { signInWithPassword } from "../../../lib/access/sign_in.ts";
import { dataDir } from "../../../lib/config.ts";

export const handler: Handlers = {
  async POST(req, ctx) {
    const isForm = req.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ?? false;
    let fields: Record<string, unknown>;
    try {
      fields = isForm ? Object.fromEntries(await req.formData()) : await req.json();
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    const { username, password } = fields;
    if (typeof username !== "string" || typeof password !== "string") {
      return Response.json({ error: "username and password are required" }, { status: 400 });
    }
    const outcome = await signInWithPassword(dataDir(), username, password, ctx.remoteAddr?.hostname);
    if (isForm) {
      const next = safeNext(fields.next as string | undefined);
      if (outcome.ok) {
        return new Response(null, {
          status: 303,
          headers: { location: next, "set-cookie": sessionCookie(req, outcome.sessionId) },
        });
      }
      const back = new URLSearchParams({ error: outcome.status === 429 ? "limited" : "failed", next });
      if (fields.lang === "en") back.set("lang", "en");
      return new Response(null, { status: 303, headers: { location: `/login?${back}` } });
    }
    if (outcome.ok) {
      return new Response(null, { status: 204, headers: { "set-cookie": sessionCookie(req, outcome.sessionId) } });
    }
    if (outcome.status === 429) {
      return Response.json({ error: "too many failed attempts" }, {
        status: 429,
        headers: { "retry-after": String(outcome.retryAfterSeconds) },
      });
    }
    return Response.json({ error: "wrong username or password" }, { status: 401 });
  },
};
