/**
 * The header's language switch. Pages like the map keep their state in the URL and
 * change it after being served, so the link is worked out from the address at the
 * moment it is followed, not from the one the server saw.
 */
import { type Lang, otherLanguageHref, t } from "../lib/i18n.ts";

export default function LanguageSwitch({ lang, href }: { lang: Lang; href: string }) {
  return (
    <a
      class="lang-switch"
      href={href}
      hreflang={lang === "en" ? "zh-CN" : "en"}
      onClick={(e) => {
        e.preventDefault();
        location.assign(otherLanguageHref(new URL(location.href), lang));
      }}
    >
      {t(lang, "lang.switch")}
    </a>
  );
}
