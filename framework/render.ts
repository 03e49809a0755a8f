/**
 * Page rendering in Fresh's shape: `_app` wraps `_layout`s wrap the page; each gets
 * `Component` for what it wraps. Islands found while rendering are listed in a JSON
 * script with their props, and the hydration runtime is loaded only when there are any.
 */
import { type ComponentChild, type ComponentType, h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { collectIslands, serialiseForScript } from "./islands.ts";

export interface PageProps<T = unknown> {
  url: URL;
  params: Record<string, string>;
  data: T;
  /** Set on `_error` pages. */
  error?: unknown;
  /** What an `_app` or `_layout` wraps. */
  Component: ComponentType;
  /** What middleware learnt about the request (Fresh's `ctx.state`), such as who it acts for. */
  state: Record<string, unknown>;
}

export interface RenderContext<T = unknown> {
  params: Record<string, string>;
  /** What middleware learnt about the request (Fresh's `ctx.state`), such as who it acts for. */
  state: Record<string, unknown>;
  /** The client's address, when the server knows it (Fresh's `ctx.remoteAddr`). */
  remoteAddr?: { hostname: string; port: number };
  render(data?: T, init?: ResponseInit): Promise<Response>;
  renderNotFound(): Promise<Response>;
}

/** What a `_middleware.ts` handler gets (Fresh's `MiddlewareHandlerContext`). */
export interface MiddlewareContext {
  params: Record<string, string>;
  /** Shared with the route and the later middlewares: what is set here reaches the page's props. */
  state: Record<string, unknown>;
  remoteAddr?: { hostname: string; port: number };
  /** `route` for a page or API route, `notFound` when no route matches. */
  destination: "route" | "notFound";
  /** Runs the next middleware, or the route itself. */
  next(): Promise<Response>;
}

export type MiddlewareHandler = (req: Request, ctx: MiddlewareContext) => Response | Promise<Response>;

export type Handler<T = unknown> = (req: Request, ctx: RenderContext<T>) => Response | Promise<Response>;
export type Handlers<T = unknown> = Partial<Record<"GET" | "POST" | "PUT" | "DELETE" | "HEAD", Handler<T>>>;

export interface IslandRuntime {
  modules: Record<string, string>;
  clientUrl: string;
}

type Wrapper = ComponentType<PageProps<unknown>>;

export function renderPage(
  chain: { app?: Wrapper; layouts: Wrapper[]; page: Wrapper },
  props: Omit<PageProps, "Component">,
  runtime: IslandRuntime,
): string {
  let inner: ComponentType = () => h(chain.page, { ...props, Component: () => null });
  for (const layout of [...chain.layouts].reverse()) {
    const wrapped: ComponentType = inner;
    inner = (): ComponentChild => h(layout, { ...props, Component: wrapped });
  }
  const root: VNode = (chain.app ? h(chain.app, { ...props, Component: inner }) : h(inner, null)) as VNode;
  const { result: html, islands } = collectIslands(() => renderToString(root));
  if (islands.length === 0) return "<!DOCTYPE html>" + html;
  const used = [...new Set(islands.map((i) => i.name))];
  const state = { modules: Object.fromEntries(used.map((n) => [n, runtime.modules[n]])), instances: islands };
  const preload = used.map((n) => `<link rel="modulepreload" href="${runtime.modules[n]}">`).join("");
  const scripts = `<script type="application/json" id="__linli_islands">${serialiseForScript(state)}</script>` +
    `<script type="module" src="${runtime.clientUrl}"></script>`;
  return "<!DOCTYPE html>" + insertBefore(insertBefore(html, "</head>", preload), "</body>", scripts);
}

function insertBefore(html: string, tag: string, text: string): string {
  const at = html.lastIndexOf(tag);
  return at < 0 ? html + text : html.slice(0, at) + text + html.slice(at);
}
