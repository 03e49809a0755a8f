/**
 * The street officials' map: drill down from the district to a building, cross-filter
 * the tickets by time, category, kind, status and source, and read every figure of the
 * place in the panel. The URL holds the whole view; the map is recoloured through
 * feature-state, never by sending its features again. The parts are in ui/drill/.
 */
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { type Lang, t } from "../lib/i18n.ts";
import type { TileIndex } from "../lib/map/district_tiles.ts";
import { StatusMessage } from "../ui/common/StatusMessage.tsx";
import { NO_GEOMETRY } from "../ui/drill/drill_data.ts";
import { DrillPage } from "../ui/drill/DrillPage.tsx";
import { useDrillStart } from "../ui/drill/use_drill_start.ts";

export interface DrillMapProps {
  lang: Lang;
  engine: EngineUrls;
  mapWorker: string;
  /** The basemap's tile URL template on our origin, when one is configured. */
  basemap: string | null;
  /** Where the district's vector tiles are; null when the server has no store. */
  tiles: TileIndex | null;
}

export default function DrillMap({ lang, engine, mapWorker, basemap, tiles: index }: DrillMapProps) {
  const { tiles, geometry, tickets } = useDrillStart(engine, mapWorker, basemap, index);
  if (!index) return <StatusMessage state={{ status: "error", message: t(lang, "drill.no_store") }} lang={lang} />;
  if (!tiles) return <StatusMessage state={{ status: "loading" }} lang={lang} />;
  if (geometry.status === "error") return <StatusMessage state={geometry} lang={lang} />;
  const ready = geometry.status === "ready" ? geometry.data : null;
  return (
    <DrillPage
      db={ready?.db ?? null}
      data={ready?.data ?? NO_GEOMETRY}
      tiles={tiles}
      tickets={tickets}
      lang={lang}
      mapWorker={mapWorker}
    />
  );
}
