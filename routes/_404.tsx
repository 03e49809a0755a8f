import type { PageProps } from "../framework/mod.ts";
import { langFromUrl, t } from "../lib/i18n.ts";

export default function NotFound({ url }: PageProps) {
  const lang = langFromUrl(url);
  return (
    <main class="error-page">
      <h1>{t(lang, "error.not_found")}</h1>
      <p>{t(lang, "error.not_found_hint")}</p>
      <p>
        <code>{url.pathname}</code>
      </p>
      <a href="/">{t(lang, "error.back_home")}</a>
    </main>
  );
}
