/** What the route and command tests of access share: a signed-in cookie, a store with streets, the store's env. */
import { addAccount } from "../../lib/access/accounts.ts";
import type { Role } from "../../lib/access/principal.ts";
import { SESSION_COOKIE } from "../../lib/access/request.ts";
import { startSession } from "../../lib/access/sessions.ts";
import { writeStore } from "../../lib/store/store.ts";

/** A session cookie for a new account of `role` in the store `dir`, for route tests that need to be signed in. */
export async function sessionCookieFor(dir: string, role: Role, streets: string[] = []): Promise<string> {
  const name = `test-${role}-${crypto.randomUUID().slice(0, 8)}`;
  await addAccount(dir, { name, role, streets, password: null });
  return `${SESSION_COOKIE}=${await startSession(dir, { kind: "user", user: name })}`;
}

/** A new temporary store holding only the district and two streets, S01 文昌街道 and S02 迎泽街道. */
export async function storeWithStreets(): Promise<string> {
  const dir = await Deno.makeTempDir();
  const places = {
    place_id: ["D", "S01", "S02"],
    level: ["district", "street", "street"],
    name: ["区", "文昌街道", "迎泽街道"],
  };
  await writeStore(dir, { places }, "access test");
  return dir;
}

/** Runs the steps with the server's store (`LINLI_DATA`) pointed at `dir`, restored after. */
export async function stepsOnStore(t: Deno.TestContext, dir: string, steps: [string, () => Promise<void>][]) {
  const previous = Deno.env.get("LINLI_DATA");
  Deno.env.set("LINLI_DATA", dir);
  try {
    for (const [name, fn] of steps) await t.step(name, fn);
  } finally {
    if (previous === undefined) Deno.env.delete("LINLI_DATA");
    else Deno.env.set("LINLI_DATA", previous);
  }
}
