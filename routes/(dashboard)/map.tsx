import { engineUrls, mapWorkerUrl } from "../../components/vendor.ts";
import type { Handlers, PageProps } from "../../framework/mod.ts";
import { dataDir } from "../../lib/config.ts";
import { langFromUrl } from "../../lib/i18n.ts";
import { BASEMAP_ROUTE, basemapTemplate } from "../../lib/map/basemap.ts";
import { type TileIndex, tileIndex } from "../../lib/map/district_tiles.ts";
import DrillMap from "../../islands/DrillMap.tsx";

// The tiles' URL comes with the page, so the map starts drawing as soon as it is hydrated.
export const handler: Handlers<TileIndex | null> = {
  async GET(_req, ctx) {
    return ctx.render(await tileIndex(dataDir()));
  },
};

export default function MapPage({ url, data }: PageProps<TileIndex | null>) {
  const basemap = basemapTemplate((name) => Deno.env.get(name)) ? BASEMAP_ROUTE : null;
  return (
    <DrillMap
      lang={langFromUrl(url)}
      engine={engineUrls()}
      mapWorker={mapWorkerUrl()}
      basemap={basemap}
      tiles={data}
    />
  );
}
