import type { PageProps } from "../framework/mod.ts";
import { langFromUrl, t } from "../lib/i18n.ts";

export default function ServerError({ url }: PageProps) {
  const lang = langFromUrl(url);
  return (
    <main class="error-page">
      <h1>{t(lang, "error.server")}</h1>
      <a href="/">{t(lang, "error.back_home")}</a>
    </main>
  );
}
