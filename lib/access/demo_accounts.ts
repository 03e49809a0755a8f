/**
 * On the built-in demo store only: one account per role and a wall token, with passwords
 * drawn afresh at every start, so the README's first command shows the whole product and
 * the login page can offer one-click sign-in. The street account gets the demo's first street.
 */
import { randomBytes } from "node:crypto";
import { readColumns } from "../store/read_columns.ts";
import { readManifest } from "../store/store.ts";
import { addAccount } from "./accounts.ts";
import type { Role } from "./principal.ts";
import { addWallToken } from "./wall_tokens.ts";

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

export async function createDemoAccounts(dir: string): Promise<DemoCredentials> {
  const street = await firstStreet(dir);
  const roles: [Role, string, string[]][] = [
    ["admin", "示范管理员", []],
    ["leader", "示范区领导", []],
    ["street", `${street?.name ?? ""}示范干部`, street ? [street.id] : []],
    ["analyst", "示范分析员", []],
  ];
  const accounts: DemoAccount[] = [];
  for (const [role, display, streets] of roles) {
    const account = { name: `demo-${role}`, role, display, password: randomBytes(9).toString("base64url") };
    await addAccount(dir, { ...account, streets }, { replace: true });
    accounts.push(account);
  }
  const token = await addWallToken(dir, "demo-wall");
  current = { accounts, wallPath: `/wall?token=${encodeURIComponent(token)}` };
  return current;
}
