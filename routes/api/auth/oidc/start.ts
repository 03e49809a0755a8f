/** `GET /api/auth/oidc/start?next=…`: off to the district's identity provider (docs/access.md). */
import type { Handlers } from "../../../../framework/mod.ts";
import { startOidc } from "../../../../lib/access/oidc.ts";
import { oidcConfig } from "../../../../lib/access/oidc_config.ts";
import { OIDC_COOKIE, ownOrigin, safeNext } from "../../../../lib/access/request.ts";
import { serialize } from "hono/utils/cookie";

export const handler: Handlers = {
  async GET(req) {
    const config = oidcConfig();
    if (!config) return Response.json({ error: "single sign-on is not configured" }, { status: 404 });
    const next = safeNext(new URL(req.url).searchParams.get("next"));
    const { url, state } = await startOidc(config, `${ownOrigin(req)}/api/auth/oidc/callback`, next);
    // Lax, not Strict: the browser comes back from the provider's site and must bring it.
    const cookie = serialize(OIDC_COOKIE, state, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/api/auth/oidc",
      maxAge: 600,
    });
    return new Response(null, { status: 303, headers: { location: url.href, "set-cookie": cookie } });
  },
};
