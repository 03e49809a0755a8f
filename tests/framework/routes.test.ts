import assert from "node:assert/strict";
import { classifyRoute, enclosing, routeOrder } from "../../framework/routes.ts";

Deno.test("file names map to Fresh's URL patterns", () => {
  const cases: [string, string][] = [
    ["index.tsx", "/"],
    ["map.tsx", "/map"],
    ["reviews/month/[month].tsx", "/reviews/month/:month"],
    ["api/data/[file].ts", "/api/data/:file"],
    ["(dashboard)/sql.tsx", "/sql"],
    ["(dashboard)/index.tsx", "/"],
    ["docs/[...path].tsx", "/docs/:path{.+}"],
  ];
  for (const [file, pattern] of cases) assert.equal(classifyRoute(file).pattern, pattern, file);
});

Deno.test("special files are recognised, with their folder", () => {
  assert.equal(classifyRoute("_app.tsx").kind, "app");
  assert.equal(classifyRoute("_404.tsx").kind, "notFound");
  assert.equal(classifyRoute("_error.tsx").kind, "error");
  const layout = classifyRoute("(dashboard)/_layout.tsx");
  assert.deepEqual([layout.kind, layout.dir], ["layout", "(dashboard)"]);
});

Deno.test("static routes win over parameters, parameters over catch-alls", () => {
  const sorted = ["docs/[...path].tsx", "items/[id].tsx", "items/new.tsx"].map(classifyRoute).sort(routeOrder);
  assert.deepEqual(sorted.map((r) => r.pattern), ["/items/new", "/items/:id", "/docs/:path{.+}"]);
});

Deno.test("layouts wrap the pages in their folder, outermost first", () => {
  const layouts = ["_layout.tsx", "(dashboard)/_layout.tsx", "reviews/_layout.tsx"].map(classifyRoute);
  const names = (page: string) => enclosing(classifyRoute(page), layouts).map((l) => l.path);
  assert.deepEqual(names("(dashboard)/map.tsx"), ["_layout.tsx", "(dashboard)/_layout.tsx"]);
  assert.deepEqual(names("wall.tsx"), ["_layout.tsx"]);
  assert.deepEqual(names("reviews/month/[month].tsx"), ["_layout.tsx", "reviews/_layout.tsx"]);
});
