/**
 * People's accounts, in `<store>/access/users.json`: role, streets, a scrypt hash of the
 * password, and whether the account is disabled. Single sign-on accounts carry no hash.
 */
import { accessFile } from "./access_dir.ts";
import { hashPassword, type PasswordHash, passwordProblem, verifyPassword } from "./password.ts";
import { type Role, ROLES } from "./principal.ts";

export interface Account {
  name: string;
  display?: string;
  role: Role;
  /** Street place ids; required for the `street` role, ignored for the others. */
  streets: string[];
  password: PasswordHash | null;
  disabled: boolean;
  created_at: string;
  /** Sessions started before this are over: a new password signs the old ones out. */
  password_changed_at: string;
}

type Accounts = Record<string, Account>;

export const ACCOUNT_NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

const file = (dir: string) => accessFile<Accounts>(dir, "users.json", () => ({}));

export async function listAccounts(dir: string): Promise<Account[]> {
  return Object.values(await file(dir).read()).sort((a, b) => a.name.localeCompare(b.name));
}

export async function findAccount(dir: string, name: string): Promise<Account | undefined> {
  return (await file(dir).read())[name];
}

export interface NewAccount {
  name: string;
  role: Role;
  streets?: string[];
  display?: string;
  /** Null for an account that signs in only through single sign-on. */
  password: string | null;
}

/** Why an account cannot be made as asked, or null. */
export function accountProblem(a: Omit<NewAccount, "password">): string | null {
  if (!ACCOUNT_NAME.test(a.name)) return `the name "${a.name}" must be 1–64 letters, digits or . _ @ -`;
  if (!ROLES.includes(a.role)) return `the role "${a.role}" is not one of ${ROLES.join(", ")}`;
  if (a.role === "street" && !a.streets?.length) return "a street account needs --streets";
  return null;
}

/** Adds an account, or replaces one of that name when `replace` is set (the demo's, single sign-on's). */
export async function addAccount(dir: string, a: NewAccount, { replace = false } = {}): Promise<Account> {
  const problem = accountProblem(a) ?? (a.password === null ? null : passwordProblem(a.password));
  if (problem) throw new Error(problem);
  const password = a.password === null ? null : await hashPassword(a.password);
  const now = new Date().toISOString();
  return await file(dir).update((all) => {
    if (all[a.name] && !replace) throw new Error(`the user "${a.name}" exists already`);
    const account: Account = {
      name: a.name,
      ...(a.display ? { display: a.display } : {}),
      role: a.role,
      streets: a.role === "street" ? a.streets ?? [] : [],
      password,
      disabled: false,
      created_at: all[a.name]?.created_at ?? now,
      password_changed_at: now,
    };
    all[a.name] = account;
    return account;
  });
}

/**
 * The account of a person signed in through single sign-on, made or updated with the role
 * and streets their claim grants now; its created and disabled state are kept. Null when
 * the name belongs to an account with a password, which single sign-on never takes over.
 */
export async function upsertSsoAccount(
  dir: string,
  a: { name: string; display?: string; role: Role; streets: string[] },
): Promise<Account | null> {
  const problem = accountProblem(a);
  if (problem) throw new Error(problem);
  return await file(dir).update((all) => {
    const old = all[a.name];
    if (old?.password) return null;
    const now = new Date().toISOString();
    all[a.name] = {
      name: a.name,
      ...(a.display ? { display: a.display } : {}),
      role: a.role,
      streets: a.role === "street" ? a.streets : [],
      password: null,
      disabled: old?.disabled ?? false,
      created_at: old?.created_at ?? now,
      password_changed_at: old?.password_changed_at ?? now,
    };
    return all[a.name];
  });
}

async function change(dir: string, name: string, edit: (a: Account) => void): Promise<void> {
  await file(dir).update((all) => {
    if (!all[name]) throw new Error(`no user "${name}"`);
    edit(all[name]);
  });
}

export function setDisabled(dir: string, name: string, disabled: boolean): Promise<void> {
  return change(dir, name, (a) => void (a.disabled = disabled));
}

export async function setPassword(dir: string, name: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  const hash = await hashPassword(password);
  await change(dir, name, (a) => {
    a.password = hash;
    a.password_changed_at = new Date().toISOString();
  });
}

/** The account when the name and password match an enabled account with a password. */
export async function checkPassword(dir: string, name: string, password: string): Promise<Account | null> {
  const account = await findAccount(dir, name);
  if (!account?.password || account.disabled) return null;
  return await verifyPassword(password, account.password) ? account : null;
}
