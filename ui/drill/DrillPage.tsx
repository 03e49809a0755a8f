/**
 * The drill map's page once the tiles are known: the map with its controls and charts, and
 * the side panel of the place (breadcrumb, places one level down, ranking, figures). Every
 * change goes through the URL; a change of place pushes a history entry.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Connector } from "../../lib/db/connector.ts";
import type { AreaRing } from "../../lib/drill/area.ts";
import { NO_COLORS } from "../../lib/drill/layer_data.ts";
import { breadcrumb, findPlace, parentRef } from "../../lib/drill/path.ts";
import { rankCompounds } from "../../lib/drill/ranking.ts";
import type { MapState, MapView, PlaceRef } from "../../lib/drill/state.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { type LayerId, LAYERS } from "../../lib/map/layers.ts";
import type { Axis } from "../../lib/metrics/cube.ts";
import { StatusMessage } from "../common/StatusMessage.tsx";
import type { QueryState } from "../common/use_store_query.ts";
import { AlertsSection } from "./AlertsSection.tsx";
import { Children } from "./Children.tsx";
import { CompoundRanking } from "./CompoundRanking.tsx";
import type { DrillGeometry, TicketMeta } from "./drill_data.ts";
import { DrillMapView } from "./DrillMapView.tsx";
import { Filters } from "./Filters.tsx";
import { MapControls } from "./MapControls.tsx";
import { PlacePanel } from "./PlacePanel.tsx";
import { useDrillQueries } from "./use_drill_queries.ts";
import type { Tiles } from "./use_drill_start.ts";
import { useUrlState } from "./use_url_state.ts";

export function DrillPage({ db, data, tiles, tickets, lang, mapWorker }: {
  /** null until the store's first tables are in. */
  db: Connector | null;
  data: DrillGeometry;
  tiles: Tiles;
  tickets: QueryState<TicketMeta>;
  lang: Lang;
  mapWorker: string;
}) {
  const [s, update] = useUrlState(lang);
  const active = useRef<Axis | null>(null);
  const { meta, range, drawn, charts, panel, layerQuery, colors, alerts, busy } = useDrillQueries({
    db,
    data,
    tickets,
    s,
    active,
  });
  const [map, setMap] = useState<MapLibreMap>();
  const [drawing, setDrawing] = useState(false);
  const probe = useMemo(() => data.compounds.map((c): [number, number] => [c.lon, c.lat]), [data.compounds]);
  const style = useMemo(() => ({ ...tiles.style, hexes: data.hexes }), [tiles, data.hexes]);

  // Stable, so the views a change does not concern (the panel, the lists) are not rendered again.
  const change = useCallback((axis: Axis, next: Partial<MapState>) => {
    active.current = axis;
    update(next);
  }, [update]);
  const pick = useCallback((place: PlaceRef | null) => {
    active.current = "place";
    update({ place, view: null }, "push");
  }, [update]);
  const drawArea = useCallback((area: AreaRing | null) => {
    active.current = "place";
    update({ area }, "push");
  }, [update]);
  const onView = useCallback((view: MapView) => update({ view }), [update]);
  const onLayer = useCallback((layer: LayerId) => update({ layer }), [update]);
  const onAlerts = useCallback((on: boolean) => update({ alerts: on }), [update]);
  const highIsGood = LAYERS[s.layer].highIsGood;
  const ranked = useMemo(
    () => rankCompounds(data.index, s.place, null, colors.values, highIsGood),
    [data.index, s.place, colors.values, highIsGood],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // From a drawn area, Escape climbs to the district, clearing it.
      if (e.key === "Escape" && (s.place || s.area) && !(e.target instanceof HTMLInputElement)) {
        pick(parentRef(data.index, s.place));
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [s.place?.id, s.area]);

  const place = findPlace(data.index, s.place);
  // A new place's panel opens at its top, not where the last one was scrolled to.
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => panelRef.current?.scrollTo(0, 0), [s.place?.level, s.place?.id, s.area]);
  return (
    <div
      class="drill"
      data-busy={String(busy)}
      data-place={s.place ? `${s.place.level}:${s.place.id}` : "district"}
      data-area-compounds={drawn?.length}
      data-alert-places={s.alerts && alerts.placed ? alerts.rings.size : undefined}
    >
      <div class="drill-main">
        <div class="drill-map-wrap">
          <DrillMapView
            bounds={tiles.bounds}
            extents={data.extents}
            probe={probe}
            drill={style}
            workerUrl={mapWorker}
            lang={lang}
            place={s.place}
            area={s.area}
            drawing={drawing}
            view={s.view}
            unit={LAYERS[s.layer].unit}
            compoundColors={colors.compounds}
            hexColors={colors.hexes}
            priority={colors.priority}
            alertRings={alerts.rings}
            alertLevel={alerts.ringLevel}
            coloured={colors !== NO_COLORS}
            onPick={pick}
            onView={onView}
            onMap={setMap}
          />
          <MapControls
            map={map}
            layer={s.layer}
            area={s.area}
            drawing={drawing}
            colors={colors}
            layerQuery={layerQuery}
            alerts={s.alerts}
            alertsLoading={s.alerts && alerts.placing}
            lang={lang}
            onLayer={onLayer}
            onAlerts={onAlerts}
            onDrawing={setDrawing}
            onArea={drawArea}
          />
        </div>
        <Filters s={s} tickets={tickets} charts={charts} range={range} lang={lang} change={change} update={update} />
      </div>
      <aside class="panel drill-panel" aria-live="polite" ref={panelRef}>
        <nav class="breadcrumb" aria-label={t(lang, "drill.breadcrumb")}>
          {breadcrumb(data.index, s.place).map((crumb, i, all) => (
            <span key={crumb.level}>
              {i > 0 && <span class="sep">›</span>}
              {i === all.length - 1
                ? <strong aria-current="location">{crumbText(crumb.level, crumb.name, lang)}</strong>
                : (
                  <button
                    type="button"
                    class="link"
                    data-crumb={crumb.level}
                    onClick={() => pick(crumb.place)}
                  >
                    {crumbText(crumb.level, crumb.name, lang)}
                  </button>
                )}
            </span>
          ))}
        </nav>
        <h2>
          {place ? place.name : drawn ? t(lang, "area.title", { n: drawn.length }) : t(lang, "drill.whole_district")}
        </h2>
        {drawn && <button type="button" class="link" onClick={() => drawArea(null)}>{t(lang, "area.clear")}</button>}
        {meta && <p class="muted">{t(lang, "drill.range", { from: range.from, to: range.to })}</p>}
        <Children
          s={s}
          drawn={drawn}
          data={data}
          values={colors.values}
          layer={s.layer}
          lang={lang}
          onPick={pick}
        />
        {!drawn && (!s.place || s.place.level === "street") && (
          <CompoundRanking
            ranked={ranked}
            layer={s.layer}
            lang={lang}
            onPick={pick}
          />
        )}
        <AlertsSection
          on={s.alerts}
          list={alerts.list}
          here={alerts.here}
          series={alerts.series}
          index={data.index}
          lang={lang}
          onShow={() => onAlerts(true)}
          onPick={pick}
        />
        {panel.status === "error"
          ? <StatusMessage state={panel} lang={lang} />
          : panel.status === "loading"
          ? <p class="status" role="status">{t(lang, "drill.panel_loading")}</p>
          : (
            <div class={panel.stale ? "stale" : undefined}>
              <PlacePanel data={panel.data} place={s.place} index={data.index} lang={lang} onPick={pick} />
            </div>
          )}
      </aside>
    </div>
  );
}

function crumbText(level: string, name: string | null, lang: Lang): string {
  const label = t(lang, `level.${level}` as MessageKey);
  return name ? `${label} ${name}` : label;
}
