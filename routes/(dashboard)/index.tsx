import { engineUrls, mapWorkerUrl } from "../../components/vendor.ts";
import type { PageProps } from "../../framework/mod.ts";
import { mayOpen } from "../../lib/access/policy.ts";
import { principalOf } from "../../lib/access/principal.ts";
import { langFromUrl, langHref } from "../../lib/i18n.ts";
import OverviewDashboard from "../../islands/OverviewDashboard.tsx";

const QUALITY = "/data/quality";

export default function OverviewPage({ url, state }: PageProps) {
  const lang = langFromUrl(url);
  const principal = principalOf(state);
  return (
    <OverviewDashboard
      lang={lang}
      engine={engineUrls()}
      mapWorker={mapWorkerUrl()}
      qualityHref={principal && mayOpen(principal, QUALITY) ? langHref(QUALITY, lang) : undefined}
    />
  );
}
