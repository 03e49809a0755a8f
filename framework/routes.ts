/**
 * File-system routing with Fresh's conventions: `routes/index.tsx` is `/`,
 * `[param]` a parameter, `[...rest]` a catch-all, `(group)` folders do not show in
 * the URL, and `_app`, `_layout`, `_middleware`, `_404`, `_error` are special files.
 */

export type RouteKind = "page" | "app" | "layout" | "middleware" | "notFound" | "error";

export interface RouteFile {
  /** Path relative to the routes folder, with forward slashes. */
  path: string;
  kind: RouteKind;
  /** URL pattern in the router's syntax (`/reviews/month/:month`), for pages. */
  pattern: string;
  /** The folder inside `routes/` (groups included): a layout or middleware wraps the pages below it. */
  dir: string;
}

const ROUTE_EXTENSIONS = /\.(tsx|ts|jsx|js)$/;

export function classifyRoute(path: string): RouteFile {
  const segments = path.replace(ROUTE_EXTENSIONS, "").split("/");
  const base = segments.at(-1)!;
  const dir = segments.slice(0, -1).join("/");
  const folders = segments.slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
  const special: Record<string, RouteKind> = {
    _app: "app",
    _layout: "layout",
    _middleware: "middleware",
    _404: "notFound",
    _error: "error",
  };
  const kind = special[base] ?? "page";
  if (kind !== "page") return { path, kind, pattern: "", dir };
  const urlSegments = base === "index" ? folders : [...folders, base];
  const pattern = "/" + urlSegments.map(segmentPattern).join("/");
  return { path, kind, pattern, dir };
}

function segmentPattern(segment: string): string {
  const rest = segment.match(/^\[\.\.\.(\w+)\]$/);
  if (rest) return `:${rest[1]}{.+}`;
  return segment.replace(/\[(\w+)\]/g, ":$1");
}

/** Static segments before parameters before catch-alls, so the most specific route wins. */
export function routeOrder(a: RouteFile, b: RouteFile): number {
  const weight = (r: RouteFile) =>
    r.pattern.split("/").map((s) => s.endsWith("{.+}") ? "2" : s.startsWith(":") ? "1" : "0").join("");
  return weight(a).localeCompare(weight(b)) || a.pattern.localeCompare(b.pattern);
}

/** The layouts (or middlewares) of a page's folder and the folders above it, outermost first. */
export function enclosing(page: RouteFile, files: RouteFile[]): RouteFile[] {
  return files
    .filter((l) => l.dir === "" || page.path.startsWith(l.dir + "/"))
    .sort((a, b) => a.dir.length - b.dir.length);
}

export async function listRouteFiles(dir: string): Promise<RouteFile[]> {
  const files: RouteFile[] = [];
  async function walk(sub: string) {
    for await (const entry of Deno.readDir(`${dir}/${sub}`)) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory) await walk(rel);
      else if (ROUTE_EXTENSIONS.test(entry.name) && !/\.test\.\w+$/.test(entry.name)) {
        files.push(classifyRoute(rel));
      }
    }
  }
  await walk("");
  return files;
}
