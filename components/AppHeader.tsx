/** The header of the dashboard pages: product name, demo-data label, navigation, language switch, account. */
import { mayOpen } from "../lib/access/policy.ts";
import type { Principal } from "../lib/access/principal.ts";
import { type Lang, langHref, otherLanguageHref, t } from "../lib/i18n.ts";
import LanguageSwitch from "../islands/LanguageSwitch.tsx";
import { AccountMenu } from "./AccountMenu.tsx";

const PAGES = [
  { path: "/", key: "nav.overview" },
  { path: "/map", key: "nav.map" },
  { path: "/alerts", key: "nav.alerts" },
  { path: "/reviews", key: "nav.reviews" },
  { path: "/sql", key: "nav.sql" },
  { path: "/wall", key: "nav.wall" },
  { path: "/data", key: "nav.data" },
  { path: "/admin", key: "nav.admin" },
] as const;

export function AppHeader(
  { url, lang, demo, principal }: { url: URL; lang: Lang; demo: boolean; principal?: Principal },
) {
  return (
    <header class="app-header">
      <a class="brand" href={langHref("/", lang)}>
        <strong>{t(lang, "app.name")}</strong>
        <span>{t(lang, "app.tagline")}</span>
      </a>
      {demo && <span class="badge-demo">{t(lang, "app.demo")}</span>}
      <nav>
        {PAGES.filter((p) => principal && mayOpen(principal, p.path)).map((p) => (
          <a href={langHref(p.path, lang)} aria-current={url.pathname === p.path ? "page" : undefined}>
            {t(lang, p.key)}
          </a>
        ))}
      </nav>
      <LanguageSwitch lang={lang} href={otherLanguageHref(url, lang)} />
      {principal && <AccountMenu principal={principal} lang={lang} />}
    </header>
  );
}
