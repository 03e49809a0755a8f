/**
 * Pieces that wrap every request before the router sees it (Host check, headers, access
 * log), registered by main.ts in order: the first one given is the outermost.
 */
export type FetchHandler = (req: Request) => Response | Promise<Response>;

/** Answers the request itself, or calls `next()` and may change what it answers. */
export type Middleware = (req: Request, next: () => Promise<Response>) => Promise<Response>;

export function withMiddleware(
  handler: FetchHandler,
  ...middleware: Middleware[]
): (req: Request) => Promise<Response> {
  return middleware.reduceRight<(req: Request) => Promise<Response>>(
    (next, mw) => (req) => mw(req, () => next(req)),
    async (req) => await handler(req),
  );
}
