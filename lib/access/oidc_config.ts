/**
 * Single sign-on settings, from the environment: the district's OpenID provider, this
 * server's client, and how a claim of the person's token maps to a role and streets.
 *
 *   LINLI_OIDC_ISSUER, LINLI_OIDC_CLIENT_ID, LINLI_OIDC_CLIENT_SECRET
 *   LINLI_OIDC_ROLE_CLAIM   the claim holding the person's group(s) (default `groups`)
 *   LINLI_OIDC_ROLES        JSON: claim value → { "role": ROLE, "streets"?: [ids] }
 */
import { type Role, ROLES } from "./principal.ts";

export interface RoleGrant {
  role: Role;
  streets?: string[];
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  roles: Record<string, RoleGrant>;
}

export function oidcConfigured(): boolean {
  return Boolean(Deno.env.get("LINLI_OIDC_ISSUER"));
}

export function oidcConfig(): OidcConfig | null {
  const issuer = Deno.env.get("LINLI_OIDC_ISSUER");
  if (!issuer) return null;
  const need = (name: string) => {
    const value = Deno.env.get(name);
    if (!value) throw new Error(`${name} must be set when LINLI_OIDC_ISSUER is`);
    return value;
  };
  const roles = JSON.parse(Deno.env.get("LINLI_OIDC_ROLES") ?? "{}") as Record<string, RoleGrant>;
  for (const [value, grant] of Object.entries(roles)) {
    if (!ROLES.includes(grant.role)) {
      throw new Error(`LINLI_OIDC_ROLES: "${value}" maps to unknown role "${grant.role}"`);
    }
  }
  return {
    issuer,
    clientId: need("LINLI_OIDC_CLIENT_ID"),
    clientSecret: need("LINLI_OIDC_CLIENT_SECRET"),
    roleClaim: Deno.env.get("LINLI_OIDC_ROLE_CLAIM") ?? "groups",
    roles,
  };
}

/**
 * The grant of the first claim value that has one, in the order of ROLES (admin first):
 * a person in several groups gets the widest role they hold; street grants add up.
 */
export function grantOfClaim(claim: unknown, roles: Record<string, RoleGrant>): RoleGrant | null {
  const values = (Array.isArray(claim) ? claim : [claim]).filter((v): v is string => typeof v === "string");
  const grants = values.map((v) => roles[v]).filter((g): g is RoleGrant => g !== undefined);
  for (const role of ROLES) {
    const held = grants.filter((g) => g.role === role);
    if (held.length) return { role, streets: [...new Set(held.flatMap((g) => g.streets ?? []))] };
  }
  return null;
}
