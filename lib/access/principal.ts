/**
 * Who a request acts for. The server decides it from the session cookie (or the wall's
 * token) and never from anything the client names; every route reads it from
 * `ctx.state.principal`, set by the access middleware before the route runs.
 */

/** People's roles, the default policy of docs/access.md. */
export const ROLES = ["admin", "leader", "street", "analyst"] as const;
export type Role = typeof ROLES[number];

export type Principal =
  /** A signed-in person; `streets` holds street place ids and matters only for the `street` role. */
  | { kind: "user"; name: string; display?: string; role: Role; streets: string[] }
  /** A command-room screen signed in with its token: aggregates only. */
  | { kind: "wall"; name: string };

/** The principal the access middleware put on a request's state, if any. */
export function principalOf(state: Record<string, unknown>): Principal | undefined {
  return state.principal as Principal | undefined;
}
