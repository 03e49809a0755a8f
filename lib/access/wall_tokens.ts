/**
 * The command room's screens: each has a name and a random token (stored only as its
 * hash) that signs it in once; revoking the token ends its session at the next request.
 */
import { accessFile } from "./access_dir.ts";
import { newSecret, secretHash } from "./secrets.ts";

export interface WallToken {
  name: string;
  hash: string;
  created_at: string;
  revoked_at?: string;
}

const file = (dir: string) => accessFile<Record<string, WallToken>>(dir, "wall_tokens.json", () => ({}));

export async function listWallTokens(dir: string): Promise<WallToken[]> {
  return Object.values(await file(dir).read()).sort((a, b) => a.name.localeCompare(b.name));
}

/** A new token for the screen `name` (replacing its old one); the only time the token is seen. */
export async function addWallToken(dir: string, name: string): Promise<string> {
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) {
    throw new Error(`the name "${name}" must be 1–64 letters, digits or . _ -`);
  }
  const token = newSecret();
  await file(dir).update((all) => {
    all[name] = { name, hash: secretHash(token), created_at: new Date().toISOString() };
  });
  return token;
}

export async function revokeWallToken(dir: string, name: string): Promise<void> {
  await file(dir).update((all) => {
    if (!all[name]) throw new Error(`no wall token "${name}"`);
    all[name].revoked_at ??= new Date().toISOString();
  });
}

/** The live token whose hash is `hash`. */
export async function wallTokenByHash(dir: string, hash: string): Promise<WallToken | undefined> {
  return Object.values(await file(dir).read()).find((t) => t.hash === hash && !t.revoked_at);
}

/** The wall's address that signs a screen in: `/wall?token=…`. */
export function wallSignInUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/wall?token=${encodeURIComponent(token)}`;
}
