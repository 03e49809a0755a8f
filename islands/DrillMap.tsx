/**
 * The street officials' map: drill down from the district to a building, cross-filter
 * the tickets by time, category, kind, status and source, and read every figure of the
 * place in the panel. The URL holds the whole view; the map is recoloured through
 * feature-state, never by sending its features again.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { type Connector, withOptions } from "../lib/db/connector.ts";
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { type AreaRing, compoundsInArea } from "../lib/drill/area.ts";
import { total } from "../lib/drill/charts.ts";
import { type ChartData, CrossFilter } from "../lib/drill/crossfilter.ts";
import { loadPanel, panelSql } from "../lib/drill/panel.ts";
import { breadcrumb, childLevel, childrenKey, findPlace, parentRef } from "../lib/drill/path.ts";
import {
  localDay,
  type MapState,
  type PlaceRef,
  previousRange,
  resolveRange,
  stateFilter,
  toggleValue,
  withPlace,
} from "../lib/drill/state.ts";
import { formatCount } from "../lib/format.ts";
import { type Lang, type MessageKey, t } from "../lib/i18n.ts";
import {
  classify,
  colorOf,
  compoundLayerSql,
  formatLayerValue,
  GAP_COLORS,
  GI_COLORS,
  HEX_RESOLUTION,
  isLayerId,
  LAYER_IDS,
  type LayerId,
  LAYERS,
  per1000,
  priorityLayerSql,
} from "../lib/map/layers.ts";
import type { Axis } from "../lib/metrics/cube.ts";
import type { Bounds } from "../lib/map/geojson.ts";
import type { TileIndex } from "../lib/map/district_tiles.ts";
import type { DrillStyle } from "../lib/map/style.ts";
import { DEFAULT_CONFIG } from "../lib/metrics/deadlines.ts";
import { cellCountsSql, hotspots } from "../lib/metrics/hotspots.ts";
import { loadMapLibre } from "./_shared/MapCanvas.tsx";
import { AreaDraw } from "./_shared/map/AreaDraw.tsx";
import { ChoiceBars, codeLabel, Timeline } from "./_shared/map/Charts.tsx";
import {
  type DrillGeometry,
  GEOMETRY_TABLES,
  loadDrillGeometry,
  loadTicketMeta,
  NO_GEOMETRY,
  type TicketMeta,
} from "./_shared/map/drill_data.ts";
import { type Colors, DrillMapView } from "./_shared/map/DrillMapView.tsx";
import { LayerLegend } from "./_shared/map/LayerLegend.tsx";
import { PlacePanel } from "./_shared/map/PlacePanel.tsx";
import { CompoundRanking } from "./_shared/map/CompoundRanking.tsx";
import { rankCompounds } from "../lib/drill/ranking.ts";
import { useLatest } from "./_shared/map/use_latest.ts";
import { useSettled } from "./_shared/map/use_settled.ts";
import { type UpdateState, useUrlState } from "./_shared/map/use_url_state.ts";
import { StatusMessage } from "./_shared/StatusMessage.tsx";
import type { QueryState } from "./_shared/use_store_query.ts";
import { markError, openStagedStore } from "./_shared/store.ts";

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
  useEffect(() => void loadMapLibre(), []);
  // Worked out in the browser: the tiles' URL must be absolute for MapLibre's workers.
  const [tiles, setTiles] = useState<Tiles | null>(null);
  useEffect(() => index ? setTiles(tileStyle(index, basemap)) : markError("no store"), []);
  // The engine and the store wait for the map's first frame: on two cores, compiling
  // 34 MB of WASM and taking in 200 MB of tickets would hold the map back by seconds.
  const [mapDrawn, setMapDrawn] = useState(false);
  useEffect(() => void setTimeout(() => setMapDrawn(true), START_STORE_ANYWAY_MS), []);
  const { geometry, tickets } = useDrillData(engine, mapDrawn);
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
      onMapDrawn={() => setMapDrawn(true)}
    />
  );
}

/** Without WebGL the map never draws; the figures must come all the same. */
const START_STORE_ANYWAY_MS = 4000;

interface Tiles {
  style: DrillStyle;
  bounds: Bounds;
}

/** The map's style from the page's tile index; the H3 cells come later, from the store. */
function tileStyle(index: TileIndex, basemap: string | null): Tiles {
  const style: DrillStyle = {
    tiles: `${location.origin}${index.path}`,
    hexes: NO_GEOMETRY.hexes,
    ...basemap ? { basemapTiles: basemap } : {},
  };
  return { style, bounds: index.bounds };
}

/** The drill ladder once places and buildings are in; the tickets' figures follow when they are. */
function useDrillData(engine: EngineUrls, start: boolean) {
  const [geometry, setGeometry] = useState<QueryState<{ db: Connector; data: DrillGeometry }>>({ status: "loading" });
  const [tickets, setTickets] = useState<QueryState<TicketMeta>>({ status: "loading" });
  useEffect(() => {
    if (!start) return;
    const fail = (set: (state: QueryState<never>) => void) => (e: Error) => {
      console.warn(e);
      markError(e.message);
      set({ status: "error", message: e.message });
    };
    openStagedStore(engine, GEOMETRY_TABLES).then(async (store) => {
      await store.tables(GEOMETRY_TABLES);
      setGeometry({ status: "ready", data: { db: store.db, data: await loadDrillGeometry(store.db) } });
      await store.complete.then(() => loadTicketMeta(store.db)).then(
        (data) => setTickets({ status: "ready", data }),
        fail(setTickets),
      );
    }).catch(fail(setGeometry));
  }, [start]);
  return { geometry, tickets };
}

/** How long a filter must rest before the panel and the metric layers are recomputed. */
const SETTLE_MS = 300;

interface LayerColors {
  compounds: Colors;
  hexes: Colors;
  priority: Set<string>;
  classes: ReturnType<typeof classify> | null;
  /** Each compound's value, for the list of places. */
  values: Map<string, number | null>;
}

const NO_COLORS: LayerColors = {
  compounds: new Map(),
  hexes: new Map(),
  priority: new Set(),
  classes: null,
  values: new Map(),
};

function DrillPage({ db, data, tiles, tickets, lang, mapWorker, onMapDrawn }: {
  /** null until the store's first tables are in. */
  db: Connector | null;
  data: DrillGeometry;
  tiles: Tiles;
  onMapDrawn: () => void;
  tickets: QueryState<TicketMeta>;
  lang: Lang;
  mapWorker: string;
}) {
  const [s, update] = useUrlState(lang);
  const active = useRef<Axis | null>(null);
  const cross = useMemo(() => db && new CrossFilter(db, DEFAULT_CONFIG.utcOffsetHours), [db]);
  // Until the tickets are in, nothing is asked of them.
  const meta = db && cross && tickets.status === "ready" ? tickets.data : null;
  const range = resolveRange(s, meta?.newestDay ?? localDay(Date.now()));
  const [map, setMap] = useState<MapLibreMap>();
  const [drawing, setDrawing] = useState(false);
  const drawn = useMemo(() => s.area && compoundsInArea(s.area, data.compounds), [s.area, data]);
  const probe = useMemo(() => data.compounds.map((c): [number, number] => [c.lon, c.lat]), [data]);
  const style = useMemo(() => ({ ...tiles.style, hexes: data.hexes }), [tiles, data]);
  const base = stateFilter(s, range);
  const filter = withPlace(base, s.place, drawn);
  const baseKey = JSON.stringify(base);
  const filterKey = JSON.stringify(filter);

  const charts = useLatest(
    `${filterKey}|${s.grain}`,
    meta && ((signal) => cross!.query(filter, active.current, s.grain, signal)),
  );
  const panelKey = useSettled(filterKey, SETTLE_MS);
  const panel = useLatest(
    panelKey,
    meta && ((signal) => {
      const previous = withPlace(stateFilter(s, previousRange(range)), s.place, drawn);
      return loadPanel(withOptions(db!, { priority: "background", signal }), panelSql(filter, previous, s.place));
    }),
  );
  const layerKey = useSettled(`${s.layer}|${baseKey}`, SETTLE_MS);
  const layerQuery = useLatest(
    layerKey,
    meta && ((signal) => layerData(withOptions(db!, { priority: "background", signal }), s.layer, base)),
  );
  // Keyed by the answers themselves, not the query states around them: each new colour map
  // is a round of feature-state and a frame of the map.
  const layerRows = layerQuery.status === "ready" ? layerQuery.data : null;
  const chartData = charts.status === "ready" ? charts.data : null;
  const colors = useMemo(
    () => layerColors(s.layer, layerRows, chartData, data),
    [s.layer, layerRows, chartData, data],
  );

  const change = (axis: Axis, next: Partial<MapState>) => {
    active.current = axis;
    update(next);
  };
  const pick = (place: PlaceRef | null) => {
    active.current = "place";
    update({ place, view: null }, "push");
  };
  const drawArea = (area: AreaRing | null) => {
    active.current = "place";
    update({ area }, "push");
  };
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

  const busy = !meta || charts.status === "loading" || charts.stale || panel.status === "loading" || panel.stale ||
    panelKey !== filterKey || layerQuery.stale || layerKey !== `${s.layer}|${baseKey}`;
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
    >
      <div class="drill-main">
        <div class="drill-map-wrap">
          <DrillMapView
            onDrawn={onMapDrawn}
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
            coloured={colors !== NO_COLORS}
            onPick={pick}
            onView={(view) => update({ view })}
            onMap={setMap}
          />
          <div class="map-controls">
            <label>
              {t(lang, "drill.layer")}
              <select
                value={s.layer}
                onChange={(e) => {
                  const value = (e.target as HTMLSelectElement).value;
                  if (isLayerId(value)) {
                    update({ layer: value });
                  }
                }}
              >
                {LAYER_IDS.map((id) => <option key={id} value={id}>{t(lang, `layer.${id}` as MessageKey)}</option>)}
              </select>
            </label>
            <AreaDraw
              map={map}
              area={s.area}
              drawing={drawing}
              onDrawing={setDrawing}
              onArea={drawArea}
              lang={lang}
            />
            <LayerLegend layer={s.layer} classes={colors.classes} lang={lang} />
            {layerQuery.status === "error" && (
              <p class="status status-error" role="alert">{t(lang, "state.error", { message: layerQuery.message })}</p>
            )}
            {(layerQuery.stale || layerQuery.status === "loading") && (
              <p class="status" role="status">{t(lang, "drill.layer_loading")}</p>
            )}
          </div>
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
            ranked={rankCompounds(data.index, s.place, null, colors.values, LAYERS[s.layer].highIsGood)}
            layer={s.layer}
            lang={lang}
            onPick={pick}
          />
        )}
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

/**
 * The places one level down (or the compounds of a drawn area), as buttons: the keyboard's
 * way to drill, with the layer's value beside compounds.
 */
function Children({ s, drawn, data, values, layer, lang, onPick }: {
  s: MapState;
  drawn: string[] | null;
  data: DrillGeometry;
  values: Map<string, number | null>;
  layer: LayerId;
  lang: Lang;
  onPick: (place: PlaceRef) => void;
}) {
  const level = drawn ? "compound" : childLevel(s.place?.level ?? "district");
  if (!level) return null;
  const parent = s.place?.id ?? null;
  const children = drawn
    ? drawn.flatMap((id) => data.index.get(`compound:${id}`) ?? [])
    : [...data.children.get(childrenKey(level, parent)) ?? []];
  const valueOf = (id: string) => level === "compound" ? values.get(id) ?? null : null;
  // Worst first, as the ranking: the end of the scale that needs attention leads.
  const worst = LAYERS[layer].highIsGood ? 1 : -1;
  children.sort((a, b) =>
    worst * ((valueOf(a.id) ?? worst * Infinity) - (valueOf(b.id) ?? worst * Infinity)) ||
    a.name.localeCompare(b.name, "zh-CN", { numeric: true })
  );
  const format = (v: number | null) => formatLayerValue(layer, v, lang);
  return (
    <details class="children" open>
      <summary>
        {drawn
          ? t(lang, "area.compounds", { n: children.length })
          : t(lang, "drill.children", { level: t(lang, `level.${level}` as MessageKey), n: children.length })}
      </summary>
      <ul>
        {children.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              class="link"
              data-pick={`${level}:${c.id}`}
              onClick={() => onPick({ level, id: c.id })}
            >
              {c.name}
            </button>
            {level === "compound" && <span class="num">{format(valueOf(c.id))}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Filters({ s, tickets, charts, range, lang, change, update }: {
  s: MapState;
  tickets: QueryState<TicketMeta>;
  charts: ReturnType<typeof useLatest<ChartData>>;
  range: { from: string; to: string };
  lang: Lang;
  change: (axis: Axis, next: Partial<MapState>) => void;
  update: UpdateState;
}) {
  if (tickets.status === "error") return <StatusMessage state={tickets} lang={lang} />;
  if (tickets.status === "loading") return <p class="status" role="status">{t(lang, "drill.tickets_loading")}</p>;
  const { choices } = tickets.data;
  if (charts.status === "error") return <StatusMessage state={charts} lang={lang} />;
  if (charts.status === "loading") return <p class="status" role="status">{t(lang, "drill.charts_loading")}</p>;
  const c = charts.data;
  const lists = [
    ["categories", "category", "drill.categories", (v: string) => v],
    ["kinds", "kind", "drill.kinds", (v: string) => codeLabel(lang, "kind", v)],
    ["statuses", "status", "drill.statuses", (v: string) => codeLabel(lang, "status", v)],
    ["sources", "source", "drill.sources", (v: string) => v],
  ] as const;
  const shown = total(c.statuses.filter((r) => !s.statuses || s.statuses.includes(r.key)));
  return (
    <div class={`drill-charts${charts.stale ? " stale" : ""}`}>
      <div class="filtered-total" data-metric="filtered_tickets" data-value={shown}>
        {t(lang, "drill.filtered", { n: formatCount(shown, lang) })}
      </div>
      <Timeline
        rows={c.timeline}
        grain={s.grain}
        range={range}
        lang={lang}
        onRange={(r) => change("time", { from: r.from, to: r.to })}
        onGrain={(grain) => update({ grain })}
      />
      {lists.map(([view, axis, title, label]) => (
        <ChoiceBars
          key={view}
          title={t(lang, title)}
          rows={c[view]}
          order={choices[view]}
          selected={s[view]}
          lang={lang}
          label={label}
          compact={view === "statuses" || view === "sources"}
          onToggle={(value) => change(axis, { [view]: toggleValue(s[view], value, choices[view]) })}
          onAll={() => change(axis, { [view]: null })}
        />
      ))}
    </div>
  );
}

type LayerRows =
  | { kind: "compounds"; rows: { place_id: string; value: number | null }[] }
  | { kind: "hexes"; rows: { id: string; value: number; color?: string }[] }
  | { kind: "priority"; ids: string[] }
  | { kind: "cube" };

/** The figures a layer needs beyond the cross-filter's ticket counts, from lib/metrics. */
async function layerData(db: Connector, layer: LayerId, filter: ReturnType<typeof stateFilter>): Promise<LayerRows> {
  if (layer === "density") {
    const rows = await db.query<{ id: string; tickets: number }>(cellCountsSql(HEX_RESOLUTION, filter));
    return { kind: "hexes", rows: rows.map((r) => ({ id: r.id, value: r.tickets })) };
  }
  if (layer === "hotspots") {
    const spots = await hotspots(db, { level: "h3", resolution: HEX_RESOLUTION }, filter);
    return { kind: "hexes", rows: spots.map((h) => ({ id: h.id, value: h.z, color: GI_COLORS[h.class] })) };
  }
  if (layer === "priority") {
    const rows = await db.query<{ place_id: string }>(priorityLayerSql(filter));
    return { kind: "priority", ids: rows.map((r) => r.place_id) };
  }
  const sql = compoundLayerSql(layer, filter);
  if (!sql) return { kind: "cube" };
  return { kind: "compounds", rows: await db.query(sql) };
}

function layerColors(
  layer: LayerId,
  rows: LayerRows | null,
  charts: ChartData | null,
  data: DrillGeometry,
): LayerColors {
  if (!rows) return NO_COLORS;
  if (rows.kind === "hexes") {
    const classes = layer === "density" ? classify(layer, rows.rows.map((r) => r.value)) : null;
    const hexes: Colors = new Map(rows.rows.map((r) => [r.id, r.color ?? colorOf(r.value, classes!)]));
    return { ...NO_COLORS, hexes, classes };
  }
  let values: Map<string, number | null>;
  if (rows.kind === "compounds") {
    values = new Map(rows.rows.map((r) => [r.place_id, r.value == null ? null : Number(r.value)]));
  } else {
    if (!charts) return NO_COLORS;
    const tickets = new Map(charts.compounds.map((r) => [r.key, r.tickets]));
    values = new Map([...data.households].map(([id, h]) => [id, per1000(tickets.get(id) ?? 0, h)]));
  }
  const known = [...values.values()].filter((v): v is number => v != null);
  const classes = layer === "gaps" ? { breaks: [1, 2], colors: [...GAP_COLORS] } : classify(layer, known);
  const compounds: Colors = new Map([...data.households.keys()].map((id) => [id, colorOf(values.get(id), classes)]));
  const priority = rows.kind === "priority" ? new Set(rows.ids) : new Set<string>();
  return { compounds, hexes: new Map(), priority, classes: layer === "gaps" ? null : classes, values };
}
