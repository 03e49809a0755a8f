/** Who is signed in, and the button that signs them out (a form: no JavaScript needed). */
import type { Principal } from "../lib/access/principal.ts";
import { type Lang, t } from "../lib/i18n.ts";

export function AccountMenu({ principal, lang }: { principal: Principal; lang: Lang }) {
  const role = t(lang, principal.kind === "wall" ? "role.wall" : `role.${principal.role}`);
  const name = principal.kind === "user" && principal.display ? principal.display : principal.name;
  return (
    <form class="app-account" method="post" action="/api/auth/logout" data-user={principal.name}>
      <span>{t(lang, "account.signed_in_as", { name, role })}</span>
      <button type="submit">{t(lang, "account.sign_out")}</button>
    </form>
  );
}
