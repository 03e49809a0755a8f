/**
 * On the built-in demo store only: one account per role and a wall token, with random
 * passwords, so the README's first command shows the whole product and the login page can
 * offer one-click sign-in. The street account gets the demo's first street. The demo's
 * passwords are kept in clear beside its accounts (0600), so a restart keeps its sessions
 * and its wall signed in; they are drawn again when an account was changed by hand.
 */
import { randomBytes } from "node:crypto";
import { readColumns } from "../store/read_columns.ts";
import { readManifest } from "../store/store.ts";
import { accessFile } from "./access_dir.ts";
import { addAccount, checkPassword } from "./accounts.ts";
import type { Role } from "./principal.ts";
import { secretHash } from "./secrets.ts";
import { addWallToken, wallTokenByHash } from "./wall_tokens.ts";

export interface DemoAccount {
  name: string;
  role: Role;
  display: string;
  password: string;
}

export interface DemoCredentials {
  accounts: DemoAccount[];
  /** The wall's sign-in path with its token, `/wall?token=…`. */
  wallPath: string;
}

let current: DemoCredentials | null = null;

/** The demo's credentials of this run, or null when the server does not run on the demo store. */
export function demoCredentials(): DemoCredentials | null {
  return current;
}

/** The store's first street by id, e.g. `{ id: "S01", name: "文昌街道" }`. */
export async function firstStreet(dir: string): Promise<{ id: string; name: string } | undefined> {
  const places = await readColumns(dir, await readManifest(dir), "places");
  const streets = (places.place_id as string[]).map((id, i) => ({ id, name: places.name[i] as string }))
    .filter((_, i) => places.level[i] === "street").sort((a, b) => a.id.localeCompare(b.id));
  return streets[0];
}

interface KeptSecrets {
  passwords: Record<string, string>;
  wallToken?: string;
}

export async function createDemoAccounts(dir: string): Promise<DemoCredentials> {
  const kept = accessFile<KeptSecrets>(dir, "demo_credentials.json", () => ({ passwords: {} }));
  const secrets = await kept.read();
  const street = await firstStreet(dir);
  const roles: [Role, string, string[]][] = [
    ["admin", "示范管理员", []],
    ["leader", "示范区领导", []],
    ["street", `${street?.name ?? ""}示范干部`, street ? [street.id] : []],
    ["analyst", "示范分析员", []],
  ];
  const accounts: DemoAccount[] = [];
  for (const [role, display, streets] of roles) {
    const name = `demo-${role}`;
    const old = secrets.passwords[name];
    const still = old !== undefined && (await checkPassword(dir, name, old))?.streets.join() === streets.join();
    const account = { name, role, display, password: still ? old : randomBytes(9).toString("base64url") };
    if (!still) await addAccount(dir, { ...account, streets }, { replace: true });
    accounts.push(account);
  }
  const live = secrets.wallToken && await wallTokenByHash(dir, secretHash(secrets.wallToken));
  const token = live ? secrets.wallToken! : await addWallToken(dir, "demo-wall");
  await kept.update((k) => {
    k.passwords = Object.fromEntries(accounts.map((a) => [a.name, a.password]));
    k.wallToken = token;
  });
  current = { accounts, wallPath: `/wall?token=${encodeURIComponent(token)}` };
  return current;
}
