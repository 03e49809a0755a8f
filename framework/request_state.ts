/**
 * What the server learns about a request while answering it (Fresh's `ctx.state`): the
 * route it matched, who it acts for. One object per request, shared by the middleware,
 * the route's context and the access log, which reads it once the answer is sent.
 */
const states = new WeakMap<Request, Record<string, unknown>>();

export function requestState(req: Request): Record<string, unknown> {
  let state = states.get(req);
  if (!state) states.set(req, state = {});
  return state;
}

/** The route pattern a request matched, set by the router (framework/server.ts). */
export const ROUTE_KEY = "route";
