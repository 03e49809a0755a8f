/** What routes and islands import from the framework glue; the names are Fresh's. */
export { asset } from "./server.ts";
export type { Handler, Handlers, MiddlewareContext, MiddlewareHandler, PageProps, RenderContext } from "./render.ts";
