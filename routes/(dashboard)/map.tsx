import { engineUrls, mapWorkerUrl } from "../../components/vendor.ts";
import type { PageProps } from "../../framework/mod.ts";
import { langFromUrl } from "../../lib/i18n.ts";
import { BASEMAP_ROUTE, basemapTemplate } from "../../lib/map/basemap.ts";
import DrillMap from "../../islands/DrillMap.tsx";

export default function MapPage({ url }: PageProps) {
  const basemap = basemapTemplate((name) => Deno.env.get(name)) ? BASEMAP_ROUTE : null;
  return <DrillMap lang={langFromUrl(url)} engine={engineUrls()} mapWorker={mapWorkerUrl()} basemap={basemap} />;
}
