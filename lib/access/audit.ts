/**
 * The audit trail: one JSON line per event in `<store>/access/audit.jsonl`, appended and
 * never rewritten, with time, who, their role and the client's address. It never holds
 * a password, a token or a session id: callers pass only the fields below.
 */
import { dataDir } from "../config.ts";
import { readJsonLines } from "../json_lines.ts";
import { accessPath } from "./access_dir.ts";
import type { Principal, Role } from "./principal.ts";

export const AUDIT_EVENTS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "wall_sign_in",
  "refused",
  "download",
  "query",
  "import",
  "restore",
  "mapping_save",
  "pack_write",
  "user_add",
  "user_disable",
  "user_enable",
  "user_passwd",
  "wall_token_add",
  "wall_token_revoke",
] as const;
export type AuditEvent = typeof AUDIT_EVENTS[number];

export interface AuditEntry {
  event: AuditEvent;
  /** The account or wall acting; for a failed sign-in, the name tried. */
  user?: string;
  role?: Role | "wall";
  /** The client's IP address, or `cli` for a command run on the server. */
  address?: string;
  /** Downloads and the server's answers (`query`): the table, the scope it was cut to (e.g. `streets:S01 masked`) and the rows sent. */
  table?: string;
  scope?: string;
  rows?: number;
  /** The request's method and path, for refusals and writes. */
  path?: string;
  /** Why a request was refused: `no_session`, `role`, `origin`, `limited`, `ended`. */
  reason?: string;
  /** What changed, for account, token and import events (never a secret). */
  detail?: string;
}

export interface AuditRecord extends AuditEntry {
  time: string;
}

export function auditFile(dir: string): string {
  return accessPath(dir, "audit.jsonl");
}

/** Appends one event to the store's trail (by default the server's store). */
export async function audit(entry: AuditEntry, dir = dataDir()): Promise<void> {
  const record: AuditRecord = { time: new Date().toISOString(), ...entry };
  await Deno.mkdir(`${dir}/access`, { recursive: true, mode: 0o700 });
  await Deno.writeTextFile(auditFile(dir), JSON.stringify(record) + "\n", { append: true, mode: 0o600 });
}

/** Who a request acts for and from where, as audit fields: spread into `audit({...})`. */
export function actor(
  principal: Principal | undefined,
  address?: string,
): Pick<AuditEntry, "user" | "role" | "address"> {
  return {
    ...(principal ? { user: principal.name, role: principal.kind === "wall" ? "wall" : principal.role } : {}),
    ...(address ? { address } : {}),
  };
}

export interface AuditQuery {
  /** First day kept, `YYYY-MM-DD`, in UTC. */
  since?: string;
  user?: string;
  /** Keeps only the newest this many. */
  last?: number;
}

export async function readAudit(dir: string, query: AuditQuery = {}): Promise<AuditRecord[]> {
  const records = (await readJsonLines<AuditRecord>(auditFile(dir)))
    .filter((r) => (!query.since || r.time >= query.since) && (!query.user || r.user === query.user));
  return query.last === undefined ? records : records.slice(-query.last);
}

/** Where a command run on the server comes from, as an audit address: `cli:<OS user>`. */
export function cliAddress(): string {
  return `cli:${Deno.env.get("USER") ?? Deno.env.get("LOGNAME") ?? "unknown"}`;
}
