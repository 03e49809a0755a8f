/**
 * Which paths each principal may open: the pages column of docs/access.md. What the data
 * routes then send each one (rows, masking, aggregates) is decided by the routes.
 */
import type { Principal } from "./principal.ts";

/** Open to anyone: the sign-in page and API, and the liveness probe. */
const OPEN = ["/login", "/api/auth/*", "/api/health"];
/** The administration, and the data pages (imports, restores, the files of residents' data they write; import notes,
 * which quote source files: residents' fields no scope masks). */
const ADMIN_ONLY = ["/admin", "/admin/*", "/api/admin/*", "/data", "/data/*"];
/** The APIs the pages' maps and data need. */
const DATA_APIS = ["/api/data/*", "/api/query", "/api/tiles/*", "/api/basemap/*"];
const STREET = ["/", "/map", "/alerts", "/reviews", "/reviews/*", "/sql", "/api/reviews/*", ...DATA_APIS];
/** A command-room screen: its page and the aggregates the server computes for it. */
const WALL = ["/wall", "/api/wall/*", ...DATA_APIS];

/** `*` at the end matches any rest of the path; otherwise the path must be equal. */
function matches(path: string, patterns: string[]): boolean {
  return patterns.some((p) => p.endsWith("*") ? path.startsWith(p.slice(0, -1)) : path === p);
}

export function isOpenPath(path: string): boolean {
  return matches(path, OPEN);
}

export function mayOpen(principal: Principal, path: string): boolean {
  if (principal.kind === "wall") return matches(path, WALL);
  switch (principal.role) {
    case "admin":
      return true;
    case "leader":
    case "analyst":
      return !matches(path, ADMIN_ONLY);
    case "street":
      return matches(path, STREET);
  }
}

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/**
 * Who may open frozen review packs: they hold the whole district's lists (masked), so the
 * roles that hold every ticket row, not a street official.
 */
export function mayReadPacks(principal: Principal | undefined): boolean {
  return principal?.kind === "user" && principal.role !== "street";
}

export const packsRefused = () =>
  Response.json({ error: "frozen reviews are read by the district office and analysts" }, { status: 403 });

/** Who may freeze a review pack: the district office, which signs the reviews off. */
export function mayWritePacks(principal: Principal | undefined): boolean {
  return principal?.kind === "user" && (principal.role === "admin" || principal.role === "leader");
}
