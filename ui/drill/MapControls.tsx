/** Over the map: the layer's choice, the area tool, the legend and the layer's progress. */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { AreaRing } from "../../lib/drill/area.ts";
import type { LayerColors, LayerRows } from "../../lib/drill/layer_data.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { isLayerId, LAYER_IDS, type LayerId } from "../../lib/map/layers.ts";
import type { QueryState } from "../common/use_store_query.ts";
import { AreaDraw } from "./AreaDraw.tsx";
import { LayerLegend } from "./LayerLegend.tsx";

export function MapControls(
  { map, layer, area, drawing, colors, layerQuery, alerts, alertsLoading, lang, onLayer, onAlerts, onDrawing, onArea }:
    {
      map: MapLibreMap | undefined;
      layer: LayerId;
      area: AreaRing | null;
      drawing: boolean;
      colors: LayerColors;
      layerQuery: QueryState<LayerRows> & { stale: boolean };
      /** Whether the alerts layer is on, and its alerts still being computed. */
      alerts: boolean;
      alertsLoading: boolean;
      lang: Lang;
      onLayer: (layer: LayerId) => void;
      onAlerts: (on: boolean) => void;
      onDrawing: (drawing: boolean) => void;
      onArea: (area: AreaRing | null) => void;
    },
) {
  return (
    <div class="map-controls">
      <label>
        {t(lang, "drill.layer")}
        <select
          value={layer}
          onChange={(e) => {
            const value = (e.target as HTMLSelectElement).value;
            if (isLayerId(value)) onLayer(value);
          }}
        >
          {LAYER_IDS.map((id) => <option key={id} value={id}>{t(lang, `layer.${id}` as MessageKey)}</option>)}
        </select>
      </label>
      <label class="toggle">
        <input
          type="checkbox"
          name="alerts"
          checked={alerts}
          onChange={(e) => onAlerts((e.target as HTMLInputElement).checked)}
        />
        {t(lang, "alerts.layer")}
      </label>
      <AreaDraw map={map} area={area} drawing={drawing} onDrawing={onDrawing} onArea={onArea} lang={lang} />
      <LayerLegend layer={layer} classes={colors.classes} alerts={alerts} lang={lang} />
      {layerQuery.status === "error" && (
        <p class="status status-error" role="alert">{t(lang, "state.error", { message: layerQuery.message })}</p>
      )}
      {alertsLoading && <p class="status" role="status">{t(lang, "alerts.computing")}</p>}
      {(layerQuery.stale || layerQuery.status === "loading") && (
        <p class="status" role="status">{t(lang, "drill.layer_loading")}</p>
      )}
    </div>
  );
}
