/** Every request passes the access guard first: see lib/access/guard.ts and docs/access.md. */
import type { MiddlewareHandler } from "../framework/mod.ts";
import { guard } from "../lib/access/guard.ts";
import { dataDir, sessionIdleMs } from "../lib/config.ts";

export const handler: MiddlewareHandler = (req, ctx) => guard(req, ctx, dataDir(), sessionIdleMs());
