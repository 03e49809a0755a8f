/**
 * The app: file-system routes and islands registered on a Hono router, static and
 * vendor assets from our own origin, and the security headers every response carries.
 */
import { Hono } from "hono";
import type { ComponentType } from "preact";
import { islandBundles, islandEntries } from "./build.ts";
import { listFiles } from "./files.ts";
import { registerIsland } from "./islands.ts";
import {
  type Handler,
  type Handlers,
  type MiddlewareContext,
  type MiddlewareHandler,
  type PageProps,
  renderPage,
} from "./render.ts";
import { enclosing, listRouteFiles, type RouteFile, routeOrder } from "./routes.ts";
import { requestState, ROUTE_KEY } from "./request_state.ts";
import { type Asset, assetResponse, compressAssets, contentType, hashedAsset } from "./static.ts";

export interface AppOptions {
  /** Project root holding `routes/`, `islands/` and `static/`. */
  root: string;
  /** Files served under a content-hashed URL: logical URL path → file on disk. */
  vendor?: Record<string, string>;
  /** Where compressed assets are cached between starts. */
  cacheDir: string;
  contentSecurityPolicy: string;
  /** Where `deno task build` put the island bundles; without it (or when stale) they are built now. */
  prebuiltIslands?: string;
}

interface RouteModule {
  default?: ComponentType<PageProps<unknown>>;
  handler?: Handler | Handlers;
}

interface MiddlewareModule {
  /** One handler or several, run in order (as Fresh allows). */
  handler: MiddlewareHandler | MiddlewareHandler[];
}

type RemoteAddr = MiddlewareContext["remoteAddr"];

/** Logical path → served URL, for `asset()`. */
const assetUrls = new Map<string, string>();

/** The content-hashed URL of a static or vendor file (Fresh's `asset()`). */
export function asset(path: string): string {
  return assetUrls.get(path) ?? path;
}

export async function createApp(options: AppOptions) {
  const { root } = options;
  const assets = new Map<string, Asset>();
  const add = (a: Asset, logical = a.path) => {
    assets.set(a.path, a);
    assetUrls.set(logical, a.path);
  };

  for (const [logical, file] of Object.entries(options.vendor ?? {})) {
    add(await hashedAsset(logical, await Deno.readFile(file)), logical);
  }
  for (const file of await listFiles(`${root}/static`)) {
    const body = await Deno.readFile(`${root}/static/${file}`);
    add({ path: `/${file}`, body, type: contentType(file), immutable: false });
    add(await hashedAsset(`/${file}`, body), `/${file}`);
  }

  const islands = await islandEntries(root);
  for (const { name, file } of islands) registerIsland(name, (await import(`${root}/${file}`)).default);
  const built = await islandBundles(root, islands, options.prebuiltIslands);
  built.assets.forEach((a) => add(a));

  const routeFiles = await listRouteFiles(`${root}/routes`);
  const load = (r?: RouteFile) => r ? import(`${root}/routes/${r.path}`) as Promise<RouteModule> : undefined;
  const special = (kind: RouteFile["kind"]) => routeFiles.find((r) => r.kind === kind && r.dir === "");
  const app = (await load(special("app")))?.default;
  const notFoundPage = (await load(special("notFound")))?.default;
  const errorPage = (await load(special("error")))?.default;
  const layoutFiles = routeFiles.filter((r) => r.kind === "layout");
  const middlewareFiles = routeFiles.filter((r) => r.kind === "middleware");
  const middlewaresOf = async (files: RouteFile[]) =>
    (await Promise.all(files.map((f) => import(`${root}/routes/${f.path}`) as Promise<MiddlewareModule>)))
      .flatMap((m) => Array.isArray(m.handler) ? m.handler : [m.handler]);
  const rootMiddlewares = await middlewaresOf(middlewareFiles.filter((m) => m.dir === ""));
  const runtime = { modules: built.modules, clientUrl: built.clientUrl };

  const render = async (
    page: ComponentType<PageProps<unknown>>,
    layouts: RouteFile[],
    props: Omit<PageProps, "Component">,
    init?: ResponseInit,
  ) => {
    const layoutComponents = (await Promise.all(layouts.map(load))).map((m) => m!.default!);
    const html = renderPage({ app, layouts: layoutComponents, page }, props, runtime);
    return new Response(html, {
      ...init,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", ...init?.headers },
    });
  };
  const renderNotFound = (url: URL, state: Record<string, unknown>) =>
    notFoundPage
      ? render(notFoundPage, layoutFiles.filter((l) => l.dir === ""), { url, params: {}, data: undefined, state }, {
        status: 404,
      })
      : Promise.resolve(new Response("Not found", { status: 404 }));

  /** Runs the middlewares outermost first, each deciding whether to call the next, then `last`. */
  const runMiddlewares = (
    handlers: MiddlewareHandler[],
    req: Request,
    base: Omit<MiddlewareContext, "next">,
    last: () => Promise<Response>,
  ) => {
    const at = (i: number): Promise<Response> =>
      i < handlers.length ? Promise.resolve(handlers[i](req, { ...base, next: () => at(i + 1) })) : last();
    return at(0);
  };

  const router = new Hono();
  router.use("*", async (c, next) => {
    await next();
    c.res.headers.set("content-security-policy", options.contentSecurityPolicy);
    c.res.headers.set("x-content-type-options", "nosniff");
    // No address leaves for another host; our own forms' POSTs keep their Origin (no-referrer would send "null").
    c.res.headers.set("referrer-policy", "same-origin");
  });
  router.get("*", async (c, next) => {
    const found = assets.get(c.req.path);
    return found ? assetResponse(c.req.raw, found) : await next();
  });

  const pages = routeFiles.filter((r) => r.kind === "page").sort(routeOrder);
  for (const route of pages) {
    const mod = (await load(route))!;
    const layouts = enclosing(route, layoutFiles);
    const middlewares = await middlewaresOf(enclosing(route, middlewareFiles));
    const allow = allowedMethods(mod);
    router.all(route.pattern, (c) => {
      const req = c.req.raw;
      const url = new URL(req.url);
      const params = c.req.param() as Record<string, string>;
      const state = requestState(req);
      state[ROUTE_KEY] = route.pattern;
      const remoteAddr = remoteAddrOf(c.env);
      const ctx = {
        params,
        state,
        remoteAddr,
        render: (data?: unknown, init?: ResponseInit) => {
          if (!mod.default) throw new Error(`routes/${route.path} has no default export to render`);
          return render(mod.default, layouts, { url, params, data, state }, init);
        },
        renderNotFound: () => renderNotFound(url, state),
      };
      const handler = typeof mod.handler === "function" ? mod.handler : mod.handler?.[req.method as keyof Handlers] ??
        (req.method === "HEAD" ? mod.handler?.GET : undefined) ??
        (mod.default && !mod.handler && ["GET", "HEAD"].includes(req.method) ? () => ctx.render() : undefined);
      return runMiddlewares(middlewares, req, { params, state, remoteAddr, destination: "route" }, async () => {
        if (!handler) return new Response("Method not allowed", { status: 405, headers: { allow } });
        return await handler(req, ctx);
      });
    });
  }

  router.notFound((c) => {
    const state = requestState(c.req.raw);
    const base = { params: {}, state, remoteAddr: remoteAddrOf(c.env), destination: "notFound" as const };
    return runMiddlewares(rootMiddlewares, c.req.raw, base, () => renderNotFound(new URL(c.req.url), state));
  });
  router.onError((error, c) => {
    console.error(error);
    const url = new URL(c.req.url);
    return errorPage
      ? render(errorPage, [], { url, params: {}, data: undefined, error, state: {} }, { status: 500 })
      : new Response("Internal error", { status: 500 });
  });

  return {
    fetch: router.fetch,
    /** The bundle's entry URLs: one per island, plus the hydration runtime. */
    entries: built.entries,
    /** Compress assets after start-up, so the first request does not wait for it. */
    compress: () => compressAssets(assets.values(), options.cacheDir),
  };
}

/** The `Allow` header of a route: the methods its module answers. */
function allowedMethods(mod: RouteModule): string {
  if (typeof mod.handler === "function") return "GET, HEAD, POST, PUT, DELETE";
  const methods = new Set(Object.keys(mod.handler ?? {}));
  if (mod.default && !mod.handler) methods.add("GET");
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].join(", ");
}

/** Deno.serve passes its connection info as the handler's second argument, which Hono calls `env`. */
function remoteAddrOf(env: unknown): RemoteAddr {
  const addr = (env as { remoteAddr?: { hostname?: unknown; port?: unknown } } | undefined)?.remoteAddr;
  return typeof addr?.hostname === "string" && typeof addr.port === "number"
    ? { hostname: addr.hostname, port: addr.port }
    : undefined;
}
