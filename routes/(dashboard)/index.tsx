import { engineUrls, mapWorkerUrl } from "../../components/vendor.ts";
import type { PageProps } from "../../framework/mod.ts";
import { langFromUrl } from "../../lib/i18n.ts";
import OverviewDashboard from "../../islands/OverviewDashboard.tsx";

export default function OverviewPage({ url }: PageProps) {
  return <OverviewDashboard lang={langFromUrl(url)} engine={engineUrls()} mapWorker={mapWorkerUrl()} />;
}
