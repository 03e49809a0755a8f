/**
 * `POST /api/auth/logout`: ends the session, clears its cookie and the origin's storage (the
 * scope's database kept for revisits); the header's button goes on to /login.
 */
import type { Handlers } from "../../../framework/mod.ts";
import { sessionCookie, sessionIdOf } from "../../../lib/access/request.ts";
import { signOut } from "../../../lib/access/sign_in.ts";
import { dataDir } from "../../../lib/config.ts";

export const handler: Handlers = {
  async POST(req, ctx) {
    const id = sessionIdOf(req);
    if (id) await signOut(dataDir(), id, ctx.remoteAddr?.hostname);
    const clear = {
      "set-cookie": sessionCookie(req, ""),
      // The scope's database kept for revisits (OPFS) must not outlive the session on a shared computer.
      "clear-site-data": '"storage"',
    };
    const isForm = req.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ?? false;
    return isForm
      ? new Response(null, { status: 303, headers: { ...clear, location: "/login" } })
      : new Response(null, { status: 204, headers: clear });
  },
};
