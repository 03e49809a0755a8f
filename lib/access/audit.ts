/**
 * The audit trail: one JSON line per event in `<data>/access/audit.jsonl`, readable by
 * the server's user only. (Minimal here; the access branch's version replaces it.)
 */

export interface AuditEntry {
  event: string;
  user?: string;
  role?: string;
  [k: string]: unknown;
}

export async function audit(dataDir: string, entry: AuditEntry): Promise<void> {
  await Deno.mkdir(`${dataDir}/access`, { recursive: true, mode: 0o700 });
  const line = JSON.stringify({ at: new Date().toISOString(), ...entry }) + "\n";
  await Deno.writeTextFile(`${dataDir}/access/audit.jsonl`, line, { append: true, create: true, mode: 0o600 });
}
