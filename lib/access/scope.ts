/**
 * What a principal's browser may hold, named by a scope key computed from the principal
 * alone (never from the request): the policy of docs/access.md, "what each role's
 * browser receives". The server builds each scope's tables once per store version
 * (lib/store/scoped.ts).
 */
import { PERSONAL_COLUMNS } from "../schema.ts";
import type { Principal } from "./principal.ts";

/**
 * `full`: everything as stored (admin). `masked`: every ticket, residents' fields masked
 * (leader, analyst). `street-<ids>`: the named streets' tickets, masked, and every street's
 * scorecard rows (a street official). `wall`: no ticket row at all.
 */
export type ScopeKey = "full" | "masked" | "wall" | `street-${string}`;

/** Tables with ticket rows: filtered, masked or left out by scope. */
export const TICKET_TABLES = ["tickets", "callbacks"];

/**
 * A stored table a scope may hold as it is: none with a residents' field (import notes
 * quoting what a source file held, say, stay the admin's: the ticket tables are masked
 * instead), and for the wall none with ticket rows either.
 */
export function servedAsStored(name: string, scope: ScopeKey): boolean {
  return !PERSONAL_COLUMNS[name] && (scope !== "wall" || !TICKET_TABLES.includes(name));
}

export function scopeKeyOf(principal: Principal): ScopeKey {
  if (principal.kind === "wall") return "wall";
  switch (principal.role) {
    case "admin":
      return "full";
    case "leader":
    case "analyst":
      return "masked";
    case "street":
      return `street-${[...new Set(principal.streets)].sort().map(encodeURIComponent).join(",")}`;
  }
}

/** The street ids of a `street-…` key; null for the other scopes. */
export function scopeStreets(key: ScopeKey): string[] | null {
  if (!key.startsWith("street-")) return null;
  const list = key.slice("street-".length);
  return list ? list.split(",").map(decodeURIComponent) : [];
}
