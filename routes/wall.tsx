import { engineUrls, mapWorkerUrl } from "../components/vendor.ts";
import type { PageProps } from "../framework/mod.ts";
import { langFromUrl, t } from "../lib/i18n.ts";
import WallDisplay from "../islands/WallDisplay.tsx";

export default function WallPage({ url }: PageProps) {
  const lang = langFromUrl(url);
  return (
    <div class="wall">
      <header class="wall-header">
        <h1>{t(lang, "wall.title")}</h1>
        <span class="badge-demo">{t(lang, "app.demo")}</span>
      </header>
      <WallDisplay lang={lang} engine={engineUrls()} mapWorker={mapWorkerUrl()} />
    </div>
  );
}
