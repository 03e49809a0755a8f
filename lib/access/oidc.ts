/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE, by the
 * `openid-client` library. The person's role and streets come from a claim of their
 * token through LINLI_OIDC_ROLES (lib/access/oidc_config.ts); they get an account
 * without a password, and from there a session like any other.
 */
import * as client from "openid-client";
import { ACCOUNT_NAME, upsertSsoAccount } from "./accounts.ts";
import { audit } from "./audit.ts";
import { grantOfClaim, type OidcConfig } from "./oidc_config.ts";
import { secretHash } from "./secrets.ts";
import { startSession } from "./sessions.ts";

/** A sign-in under way lasts this long between leaving for the provider and coming back. */
const PENDING_MS = 10 * 60_000;

interface Pending {
  verifier: string;
  nonce: string;
  next: string;
  started: number;
}

const pending = new Map<string, Pending>();
const discovered = new Map<string, Promise<client.Configuration>>();

/** Plain HTTP is allowed only for a provider on this machine (tests, a local provider). */
function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

function configuration(config: OidcConfig): Promise<client.Configuration> {
  const key = `${config.issuer} ${config.clientId}`;
  if (!discovered.has(key)) {
    const issuer = new URL(config.issuer);
    const insecure = issuer.protocol === "http:" && isLoopback(issuer);
    const found = client.discovery(
      issuer,
      config.clientId,
      config.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    // A provider that was down is asked again next time.
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return discovered.get(key)!;
}

/** Where to send the browser to sign in, and the key (for a cookie) that binds its return to this browser. */
export async function startOidc(
  config: OidcConfig,
  redirectUri: string,
  next: string,
): Promise<{ url: URL; state: string }> {
  const now = Date.now();
  for (const [key, p] of pending) if (now - p.started > PENDING_MS) pending.delete(key);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  pending.set(state, { verifier, nonce, next, started: now });
  const url = client.buildAuthorizationUrl(await configuration(config), {
    redirect_uri: redirectUri,
    scope: "openid profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, state };
}

export type OidcOutcome = { ok: true; sessionId: string; next: string } | { ok: false; message: string };

/**
 * The provider sent the browser back to `callbackUrl` with a code: exchanged for tokens
 * (checking state, nonce and the PKCE verifier), mapped to a role, and a session started.
 * `browserState` is the state the browser's cookie kept when it left.
 */
export async function finishOidc(
  dir: string,
  config: OidcConfig,
  callbackUrl: URL,
  browserState: string | undefined,
  address?: string,
): Promise<OidcOutcome> {
  const state = callbackUrl.searchParams.get("state") ?? "";
  const started = pending.get(state);
  if (!started || state !== browserState || Date.now() - started.started > PENDING_MS) {
    return { ok: false, message: "the sign-in expired or was not started here; try again" };
  }
  pending.delete(state);
  const oidc = await configuration(config);
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
      pkceCodeVerifier: started.verifier,
      expectedState: state,
      expectedNonce: started.nonce,
      idTokenExpected: true,
    });
    claims = { ...tokens.claims() };
    // Providers that keep groups out of the ID token give them at the userinfo endpoint.
    if (claims[config.roleClaim] === undefined) {
      claims = { ...claims, ...await client.fetchUserInfo(oidc, tokens.access_token, String(claims.sub)) };
    }
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const sub = String(claims.sub);
  const preferred = typeof claims.preferred_username === "string" ? claims.preferred_username : "";
  const name = ACCOUNT_NAME.test(preferred) ? preferred : `sso-${secretHash(sub).slice(0, 12)}`;
  const grant = grantOfClaim(claims[config.roleClaim], config.roles);
  if (!grant) {
    await audit({ event: "sign_in_failed", user: name, reason: "sso_no_role", ...(address ? { address } : {}) }, dir);
    return { ok: false, message: `no role is granted to ${name} by the claim ${config.roleClaim}` };
  }
  const display = typeof claims.name === "string" ? claims.name : undefined;
  const account = await upsertSsoAccount(dir, { name, display, role: grant.role, streets: grant.streets ?? [] });
  if (!account || account.disabled) {
    const reason = account ? "disabled" : "sso_name_taken";
    await audit({ event: "sign_in_failed", user: name, reason, ...(address ? { address } : {}) }, dir);
    return { ok: false, message: account ? `the account ${name} is disabled` : `${name} is a local account` };
  }
  const sessionId = await startSession(dir, { kind: "user", user: name });
  await audit({
    event: "sign_in",
    user: name,
    role: account.role,
    detail: "single sign-on",
    ...(address ? { address } : {}),
  }, dir);
  return { ok: true, sessionId, next: started.next };
}
