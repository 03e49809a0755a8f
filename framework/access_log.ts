/**
 * One JSON line per request once its answer has been sent: time, request id, user, route,
 * status, bytes, ms. It never carries a body, a header or a query value that could hold a
 * token (those are written `…`), so residents' fields and credentials stay out of the logs.
 */
import type { Middleware } from "./middleware.ts";
import { withObservedBody } from "./observe_body.ts";
import { requestState, ROUTE_KEY } from "./request_state.ts";

export interface AccessLogEntry {
  time: string;
  id: string;
  user: string | null;
  method: string;
  /** The route pattern matched, else the path. */
  route: string;
  /** The path and the query, with secrets' values replaced. */
  url: string;
  status: number;
  bytes: number;
  ms: number;
}

/** Query parameters whose values are never written. */
const SECRET = /token|key|secret|pass|session|code|auth/i;

export function loggedUrl(url: URL): string {
  const params = [...url.searchParams].map(([k, v]) =>
    `${encodeURIComponent(k)}=${SECRET.test(k) ? "…" : encodeURIComponent(v)}`
  );
  return url.pathname + (params.length ? `?${params.join("&")}` : "");
}

export interface AccessLogOptions {
  /** Who the request acted for, from its state (e.g. the principal's name). */
  userOf?: (state: Record<string, unknown>) => string | undefined;
  write?: (line: string) => void;
}

export function accessLog(options: AccessLogOptions = {}): Middleware {
  const write = options.write ?? ((line: string) => console.log(line));
  return async (req, next) => {
    const started = performance.now();
    const id = crypto.randomUUID();
    const url = new URL(req.url);
    const log = (status: number, bytes: number) => {
      const state = requestState(req);
      const entry: AccessLogEntry = {
        time: new Date().toISOString(),
        id,
        user: options.userOf?.(state) ?? null,
        method: req.method,
        route: typeof state[ROUTE_KEY] === "string" ? state[ROUTE_KEY] : url.pathname,
        url: loggedUrl(url),
        status,
        bytes,
        ms: Math.round(performance.now() - started),
      };
      write(JSON.stringify(entry));
    };
    let res: Response;
    try {
      res = await next();
    } catch (e) {
      log(500, 0);
      throw e;
    }
    const headers = new Headers(res.headers);
    headers.set("x-request-id", id);
    let bytes = 0;
    return withObservedBody(res, { chunk: (n) => bytes += n, done: () => log(res.status, bytes) }, headers);
  };
}
