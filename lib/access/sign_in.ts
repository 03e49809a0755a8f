/**
 * Signing in and out, with the failed-attempt limit and the audit trail: the routes
 * only turn the outcome into a response.
 */
import { checkPassword } from "./accounts.ts";
import { actor, audit } from "./audit.ts";
import { FailureLimiter } from "./limiter.ts";
import { endSession, startSession } from "./sessions.ts";
import { secretHash } from "./secrets.ts";
import { wallTokenByHash } from "./wall_tokens.ts";

/** One limiter per server process, shared by every sign-in route. */
export const signInLimiter = new FailureLimiter();

export type SignInOutcome =
  | { ok: true; sessionId: string }
  | { ok: false; status: 401 }
  | { ok: false; status: 429; retryAfterSeconds: number };

export async function signInWithPassword(
  dir: string,
  username: string,
  password: string,
  address?: string,
  limiter = signInLimiter,
): Promise<SignInOutcome> {
  const blocked = limiter.blockedFor(username);
  if (blocked > 0) {
    await audit({ event: "sign_in_failed", user: username, reason: "limited", ...actor(undefined, address) }, dir);
    return { ok: false, status: 429, retryAfterSeconds: Math.ceil(blocked / 1000) };
  }
  const account = await checkPassword(dir, username, password);
  if (!account) {
    limiter.fail(username);
    await audit({ event: "sign_in_failed", user: username, reason: "password", ...actor(undefined, address) }, dir);
    return { ok: false, status: 401 };
  }
  limiter.succeed(username);
  const sessionId = await startSession(dir, { kind: "user", user: account.name });
  await audit({ event: "sign_in", user: account.name, role: account.role, ...actor(undefined, address) }, dir);
  return { ok: true, sessionId };
}

/** A session for the screen whose token this is, or null when the token is unknown or revoked. */
export async function signInWall(dir: string, token: string, address?: string): Promise<string | null> {
  const hash = secretHash(token);
  const wall = await wallTokenByHash(dir, hash);
  if (!wall) {
    await audit({ event: "refused", reason: "wall_token", path: "/wall", ...actor(undefined, address) }, dir);
    return null;
  }
  const sessionId = await startSession(dir, { kind: "wall", wall: wall.name, token_hash: hash });
  await audit({ event: "wall_sign_in", user: wall.name, role: "wall", ...actor(undefined, address) }, dir);
  return sessionId;
}

export async function signOut(dir: string, sessionId: string, address?: string): Promise<void> {
  const session = await endSession(dir, sessionId);
  if (!session) return;
  const who = session.kind === "user" ? { user: session.user } : { user: session.wall, role: "wall" as const };
  await audit({ event: "sign_out", ...who, ...actor(undefined, address) }, dir);
}
