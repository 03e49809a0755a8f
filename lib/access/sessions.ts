/**
 * Sessions, in `<store>/access/sessions.json` keyed by the SHA-256 of their id, so a
 * restart signs nobody out and a copy of the file signs nobody in. A person's session
 * ends after its idle time, when the account is disabled or its password changed; a
 * wall's lasts as long as its token (a screen may be off overnight).
 */
import { accessFile } from "./access_dir.ts";
import { findAccount } from "./accounts.ts";
import type { Principal } from "./principal.ts";
import { newSecret, secretHash } from "./secrets.ts";
import { wallTokenByHash } from "./wall_tokens.ts";

export type Session =
  | { kind: "user"; user: string; created_at: number; seen_at: number }
  | { kind: "wall"; wall: string; token_hash: string; created_at: number; seen_at: number };

type SessionSubject = { kind: "user"; user: string } | { kind: "wall"; wall: string; token_hash: string };

/** A session's last-seen time is written at most this often, not on every tile request. */
const TOUCH_EVERY_MS = 60_000;
/** People's sessions unseen this long are dropped when a new one starts, so abandoned cookies do not pile up. */
const FORGOTTEN_AFTER_MS = 30 * 86_400_000;

const file = (dir: string) => accessFile<Record<string, Session>>(dir, "sessions.json", () => ({}));

export async function startSession(dir: string, subject: SessionSubject, now = Date.now()): Promise<string> {
  const id = newSecret();
  await file(dir).update((all) => {
    for (const [key, s] of Object.entries(all)) {
      if (s.kind === "user" && now - s.seen_at > FORGOTTEN_AFTER_MS) delete all[key];
    }
    all[secretHash(id)] = { ...subject, created_at: now, seen_at: now } as Session;
  });
  return id;
}

export async function endSession(dir: string, id: string): Promise<Session | undefined> {
  const key = secretHash(id);
  if (!(await file(dir).read())[key]) return undefined;
  return await file(dir).update((all) => {
    const s = all[key];
    delete all[key];
    return s;
  });
}

export interface SessionLookup {
  /** Who the session acts for, when it is live. */
  principal: Principal | null;
  /** The session's record, live or ended just now. */
  session?: Session;
}

/**
 * Who the session id `id` acts for, or null when it is unknown or over (it is then
 * removed). `idleMs` is the idle expiry of people's sessions.
 */
export async function lookupSession(dir: string, id: string, idleMs: number, now = Date.now()): Promise<SessionLookup> {
  const key = secretHash(id);
  const session = (await file(dir).read())[key];
  if (!session) return { principal: null };
  const principal = await principalOfSession(dir, session, idleMs, now);
  if (!principal) {
    await file(dir).update((all) => void delete all[key]);
    return { principal: null, session };
  }
  if (now - session.seen_at > TOUCH_EVERY_MS) {
    await file(dir).update((all) => {
      if (all[key]) all[key].seen_at = now;
    });
  }
  return { principal, session };
}

async function principalOfSession(dir: string, s: Session, idleMs: number, now: number): Promise<Principal | null> {
  if (s.kind === "wall") return await wallTokenByHash(dir, s.token_hash) ? { kind: "wall", name: s.wall } : null;
  if (now - s.seen_at > idleMs) return null;
  const account = await findAccount(dir, s.user);
  if (!account || account.disabled || Date.parse(account.password_changed_at) > s.created_at) return null;
  return {
    kind: "user",
    name: account.name,
    ...(account.display ? { display: account.display } : {}),
    role: account.role,
    streets: account.streets,
  };
}
