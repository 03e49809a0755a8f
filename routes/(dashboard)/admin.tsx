/** `/admin` (admins only, by the access policy): the accounts, wall tokens and the latest of the audit trail. */
import type { Handlers, PageProps } from "../../framework/mod.ts";
import { type Account, listAccounts } from "../../lib/access/accounts.ts";
import { type AuditRecord, readAudit } from "../../lib/access/audit.ts";
import { listWallTokens, type WallToken } from "../../lib/access/wall_tokens.ts";
import { dataDir } from "../../lib/config.ts";
import { formatLocalTime } from "../../lib/format.ts";
import { type Lang, langFromUrl, t } from "../../lib/i18n.ts";

/** The newest entries shown; the whole trail is `deno task audit`'s. */
const SHOWN = 500;

interface AdminData {
  accounts: Account[];
  walls: WallToken[];
  trail: AuditRecord[];
}

export const handler: Handlers<AdminData> = {
  async GET(_req, ctx) {
    const dir = dataDir();
    const [accounts, walls, trail] = await Promise.all([
      listAccounts(dir),
      listWallTokens(dir),
      readAudit(dir, { last: SHOWN }),
    ]);
    return ctx.render({ accounts, walls, trail: trail.reverse() });
  },
};

/** What an audit line is about, in one cell. */
function auditWhat(r: AuditRecord): string {
  return [r.path, r.reason, r.table, r.scope, r.rows === undefined ? undefined : `${r.rows} rows`, r.detail]
    .filter((x) => x !== undefined && x !== "").join(" · ");
}

type Column =
  | "name"
  | "display"
  | "role"
  | "streets"
  | "state"
  | "created"
  | "time"
  | "event"
  | "user"
  | "address"
  | "what";

function Head({ lang, columns }: { lang: Lang; columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => <th key={c}>{t(lang, `admin.col.${c}`)}</th>)}
      </tr>
    </thead>
  );
}

export default function AdminPage({ url, data }: PageProps<AdminData>) {
  const lang = langFromUrl(url);
  const time = formatLocalTime;
  return (
    <div class="admin">
      <h2>{t(lang, "admin.users")}</h2>
      <table class="admin-table" data-table="users">
        <Head lang={lang} columns={["name", "display", "role", "streets", "state", "created"]} />
        <tbody>
          {data.accounts.map((a) => (
            <tr key={a.name}>
              <td>{a.name}</td>
              <td>{a.display ?? ""}</td>
              <td>{t(lang, `role.${a.role}`)}</td>
              <td>{a.streets.join(", ")}</td>
              <td>{t(lang, a.disabled ? "admin.disabled" : "admin.enabled")}</td>
              <td>{time(a.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(lang, "admin.walls")}</h2>
      <table class="admin-table" data-table="walls">
        <tbody>
          {data.walls.length === 0 && (
            <tr>
              <td>{t(lang, "admin.none")}</td>
            </tr>
          )}
          {data.walls.map((w) => (
            <tr key={w.name}>
              <td>{w.name}</td>
              <td>{time(w.created_at)}</td>
              <td>{w.revoked_at ? `${t(lang, "admin.revoked")} ${time(w.revoked_at)}` : t(lang, "admin.enabled")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(lang, "admin.audit", { count: data.trail.length })}</h2>
      <p>{t(lang, "admin.audit_hint")}</p>
      <table class="admin-table" data-table="audit">
        <Head lang={lang} columns={["time", "event", "user", "role", "address", "what"]} />
        <tbody>
          {data.trail.map((r, i) => (
            <tr key={i}>
              <td>{time(r.time)}</td>
              <td>{r.event}</td>
              <td>{r.user ?? ""}</td>
              <td>{r.role ?? ""}</td>
              <td>{r.address ?? ""}</td>
              <td>{auditWhat(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
