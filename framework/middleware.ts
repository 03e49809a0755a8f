/**
 * Pieces that wrap every request before the router sees it (Host check, headers, access
 * log), registered by main.ts in order: the first one given is the outermost.
 */
/** `info` is Deno.serve's connection info, passed through to the router (it reads the client's address). */
export type FetchHandler = (req: Request, info?: unknown) => Response | Promise<Response>;

/** Answers the request itself, or calls `next()` and may change what it answers. */
export type Middleware = (req: Request, next: () => Promise<Response>) => Promise<Response>;

export function withMiddleware(
  handler: FetchHandler,
  ...middleware: Middleware[]
): (req: Request, info?: unknown) => Promise<Response> {
  return (req, info) =>
    middleware.reduceRight<(req: Request) => Promise<Response>>(
      (next, mw) => (req) => mw(req, () => next(req)),
      async (req) => await handler(req, info),
    )(req);
}
