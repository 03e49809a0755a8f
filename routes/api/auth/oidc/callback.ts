/**
 * `GET /api/auth/oidc/callback`: the provider's answer. The session cookie is SameSite=Strict,
 * which a browser withholds on the redirects of a navigation that came from another site, so
 * the page goes on to `next` by itself, from our own origin.
 */
import type { Handlers } from "../../../../framework/mod.ts";
import { finishOidc } from "../../../../lib/access/oidc.ts";
import { oidcConfig } from "../../../../lib/access/oidc_config.ts";
import { OIDC_COOKIE, ownOrigin, sessionCookie } from "../../../../lib/access/request.ts";
import { dataDir } from "../../../../lib/config.ts";
import { parse } from "hono/utils/cookie";

export const handler: Handlers = {
  async GET(req, ctx) {
    const config = oidcConfig();
    if (!config) return Response.json({ error: "single sign-on is not configured" }, { status: 404 });
    const url = new URL(req.url);
    // The provider redirects to the address we gave it; behind a TLS proxy that is https.
    const callback = new URL(url.pathname + url.search, ownOrigin(req));
    const state = parse(req.headers.get("cookie") ?? "", OIDC_COOKIE)[OIDC_COOKIE];
    const outcome = await finishOidc(dataDir(), config, callback, state, ctx.remoteAddr?.hostname);
    if (!outcome.ok) {
      const location = `/login?${new URLSearchParams({ sso_error: outcome.message })}`;
      return new Response(null, { status: 303, headers: { location } });
    }
    const next = outcome.next.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
    const html = `<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${next}">` +
      `<a href="${next}">…</a>`;
    return new Response(html, {
      headers: { "content-type": "text/html; charset=utf-8", "set-cookie": sessionCookie(req, outcome.sessionId) },
    });
  },
};
