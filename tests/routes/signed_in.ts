/** A session cookie for a new account of `role` in the store `dir`, for route tests that need to be signed in. */
import { addAccount } from "../../lib/access/accounts.ts";
import type { Role } from "../../lib/access/principal.ts";
import { SESSION_COOKIE } from "../../lib/access/request.ts";
import { startSession } from "../../lib/access/sessions.ts";

export async function sessionCookieFor(dir: string, role: Role, streets: string[] = []): Promise<string> {
  const name = `test-${role}-${crypto.randomUUID().slice(0, 8)}`;
  await addAccount(dir, { name, role, streets, password: null });
  return `${SESSION_COOKIE}=${await startSession(dir, { kind: "user", user: name })}`;
}
