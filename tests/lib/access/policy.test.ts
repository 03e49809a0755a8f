import assert from "node:assert/strict";
import { isOpenPath, mayOpen } from "../../../lib/access/policy.ts";
import type { Principal, Role } from "../../../lib/access/principal.ts";
import { safeNext } from "../../../lib/access/request.ts";
import { grantOfClaim } from "../../../lib/access/oidc_config.ts";

const user = (role: Role): Principal => ({ kind: "user", name: role, role, streets: role === "street" ? ["S01"] : [] });
const wall: Principal = { kind: "wall", name: "screen" };
const PATHS = [
  "/",
  "/map",
  "/alerts",
  "/reviews",
  "/reviews/quarter/2026-Q1",
  "/sql",
  "/wall",
  "/admin",
  "/data",
  "/data/quality",
  "/api/admin/import/upload",
  "/api/data/tickets.arrow",
];
/** The administration and the data pages: imports, restores, and the lists of residents' fields they write. */
const ADMIN_ONLY = ["/admin", "/data", "/data/quality", "/api/admin/import/upload"];

Deno.test("the policy table of docs/access.md", () => {
  const table = Object.fromEntries(
    [...(["admin", "leader", "street", "analyst"] as Role[]).map((r) => [r, user(r)] as const), ["wall", wall] as const]
      .map(([name, p]) => [name, PATHS.filter((path) => mayOpen(p, path))]),
  );
  assert.deepEqual(table, {
    admin: PATHS,
    leader: PATHS.filter((p) => !ADMIN_ONLY.includes(p)),
    analyst: PATHS.filter((p) => !ADMIN_ONLY.includes(p)),
    street: ["/", "/map", "/alerts", "/reviews", "/reviews/quarter/2026-Q1", "/sql", "/api/data/tickets.arrow"],
    wall: ["/wall", "/api/data/tickets.arrow"],
  });
  assert.equal(mayOpen(user("leader"), "/api/admin/users"), false);
  assert.equal(mayOpen(user("street"), "/mapx"), false, "a path is matched whole, not by its prefix");
});

Deno.test("only the sign-in and the health probe are open", () => {
  assert.deepEqual(
    ["/login", "/api/auth/login", "/api/auth/oidc/callback", "/api/health", "/api/healthz", "/"].map(isOpenPath),
    [
      true,
      true,
      true,
      true,
      false,
      false,
    ],
  );
});

Deno.test("a sign-in goes on only to a path of this server", () => {
  assert.equal(safeNext("/map?street=S01#x"), "/map?street=S01#x");
  for (
    const evil of [null, "", "map", "//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]
  ) {
    assert.equal(safeNext(evil), "/", String(evil));
  }
});

Deno.test("a single sign-on claim maps to the widest role held, with the streets of its grants", () => {
  const roles = {
    "linli-street-s01": { role: "street" as const, streets: ["S01"] },
    "linli-street-s02": { role: "street" as const, streets: ["S02"] },
    "linli-leaders": { role: "leader" as const },
  };
  assert.deepEqual(grantOfClaim(["staff", "linli-street-s01", "linli-street-s02"], roles), {
    role: "street",
    streets: ["S01", "S02"],
  });
  assert.equal(grantOfClaim(["linli-street-s01", "linli-leaders"], roles)?.role, "leader");
  assert.equal(grantOfClaim("linli-leaders", roles)?.role, "leader");
  assert.equal(grantOfClaim(["staff"], roles), null);
  assert.equal(grantOfClaim(undefined, roles), null);
});
