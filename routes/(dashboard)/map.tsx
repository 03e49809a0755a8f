import { engineUrls, mapWorkerUrl } from "../../components/vendor.ts";
import type { PageProps } from "../../framework/mod.ts";
import { langFromUrl } from "../../lib/i18n.ts";
import DrillMap from "../../islands/DrillMap.tsx";

export default function MapPage({ url }: PageProps) {
  return <DrillMap lang={langFromUrl(url)} engine={engineUrls()} mapWorker={mapWorkerUrl()} />;
}
