/**
 * The district map with Gi* hot and cold spots and today's and this month's counters.
 * The map is created once per store version and kept mounted while other scenes are
 * on: a new MapLibre map per rotation would leak a WebGL context each time.
 */
import { useMemo } from "preact/hooks";
import { type Lang, t } from "../../lib/i18n.ts";
import { bounds } from "../../lib/map/geojson.ts";
import type { MapLayers } from "../../lib/map/style.ts";
import { GI_COLORS } from "../../lib/map/palette.ts";
import { SIGNIFICANT_CLASSES } from "../../lib/wall/hotspot_layer.ts";
import type { MapSceneData } from "../../lib/wall/scene_data.ts";
import { compoundStops } from "../../lib/map/class_breaks.ts";
import { MapCanvas } from "../common/MapCanvas.tsx";
import { type Counter, Counters } from "./Counters.tsx";

/** Nobody pans the wall: when its screen changes shape (1080p → 32:9), the district is framed again. */
function fitOnResize(base: MapLayers) {
  return (map: import("maplibre-gl").Map) => {
    map.on("resize", () => map.fitBounds(bounds(base.compounds), { padding: 24, duration: 0 }));
  };
}

export function MapScene({ data, base, version, asOfDate, mapWorker, lang }: {
  data: MapSceneData;
  base: MapLayers;
  version: string;
  asOfDate: string;
  mapWorker: string;
  lang: Lang;
}) {
  const layers = useMemo(() => ({ ...base, overlay: data.hotspots }), [base, data.hotspots]);
  const stops = useMemo(() => compoundStops(base), [base]);
  const counters: Counter[] = [
    ["wall_today", "wall.today", data.today],
    ["wall_month", "wall.this_month", data.month],
    ["wall_open", "metric.open", data.open],
    ["wall_overdue", "wall.overdue", data.overdue],
  ];
  return (
    <div class="wall-map-scene">
      <MapCanvas
        key={version}
        class="wall-map"
        layers={layers}
        theme="dark"
        stops={stops}
        workerUrl={mapWorker}
        lang={lang}
        onMap={fitOnResize(base)}
      />
      <aside class="wall-side">
        <Counters counters={counters} lang={lang} />
        <p class="wall-note">{t(lang, "wall.day_of", { date: asOfDate })}</p>
        <div class="wall-hotspot-legend">
          <p>
            {data.hotCells + data.coldCells
              ? t(lang, "wall.hotspots_count", { hot: data.hotCells, cold: data.coldCells })
              : t(lang, "wall.hotspots_none")}
          </p>
          <ul>
            {SIGNIFICANT_CLASSES.map((c) => (
              <li key={c}>
                <span class="wall-swatch" style={{ background: GI_COLORS.dark[c] }} />
                {t(lang, `wall.gi.${c}`)}
              </li>
            ))}
          </ul>
        </div>
      </aside>
    </div>
  );
}
