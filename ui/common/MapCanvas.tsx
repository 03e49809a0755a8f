/**
 * A MapLibre map of the district drawn from the store's own geometry. After the
 * first render it records where a few compounds are on screen (`data-probe`), so
 * a test can check that the pixels there are the compounds, not the background, and
 * the names of the compounds stored as points it drew (`data-point-compounds`).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { type Bounds, bounds as boundsOf } from "../../lib/map/geojson.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import { buildStyle, type DrillStyle, type MapLayers, POINT_LAYERS } from "../../lib/map/style.ts";
import { PALETTES, type Theme } from "../../lib/map/palette.ts";
import type { MapView } from "../../lib/drill/state.ts";
import { markReady } from "./store.ts";

let mapLibrary: Promise<typeof import("maplibre-gl")> | undefined;

/**
 * MapLibre's code, fetched once, its workers started (`workerUrl`, our own origin's):
 * islands call this early so both happen while their data loads, not after it (a tenth
 * to a fifth of a second of a revisit of `/` on a 2-core machine's software GPU).
 */
export function loadMapLibre(workerUrl: string): Promise<typeof import("maplibre-gl")> {
  mapLibrary ??= import("maplibre-gl/dist/maplibre-gl-csp.js").then((m) => {
    const maplibre = m.default as typeof import("maplibre-gl");
    maplibre.setWorkerUrl(workerUrl);
    maplibre.prewarm();
    return maplibre;
  });
  return mapLibrary;
}

export interface MapCanvasProps {
  layers: MapLayers;
  theme: Theme;
  stops: number[];
  workerUrl: string;
  lang: Lang;
  class?: string;
  /** The drill-down map's extra sources and layers (see buildStyle). */
  drill?: DrillStyle;
  /** The camera to open at instead of fitting the data. */
  view?: MapView | null;
  /** Called once the style has loaded, for pages that drive the map themselves. */
  onMap?: (map: import("maplibre-gl").Map) => void;
  /** False while the page has yet to colour what it drew; the page is ready only after. */
  ready?: boolean;
  /** The extent to open at, when `layers` holds no compounds (the drill map draws from tiles). */
  bounds?: Bounds;
  /** [lon, lat] points where compounds are drawn, when `layers` holds none. */
  probe?: [number, number][];
}

/** The page counts as ready once its map has drawn its data. */
export function MapCanvas(
  { layers, theme, stops, workerUrl, lang, class: cls, drill, view, onMap, ready = true, bounds, probe }:
    MapCanvasProps,
) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<import("maplibre-gl").Map>();
  const [drawn, setDrawn] = useState<import("maplibre-gl").Map>();
  /** Records where the compounds were drawn (for tests) and says the page is ready, from this render's props. */
  const finish = (m: import("maplibre-gl").Map, el: HTMLDivElement) => {
    const points = probe ??
      layers.compounds.features.map((f) => [Number(f.properties.lon), Number(f.properties.lat)] as [number, number]);
    el.dataset.probe = JSON.stringify(
      points.slice(0, 12).map((point) => {
        const { x, y } = m.project(point);
        return [Math.round(x), Math.round(y)];
      }),
    );
    if (layers.overlay) el.dataset.overlayFeatures = String(layers.overlay.features.length);
    const pointCompounds = m.queryRenderedFeatures({ layers: [POINT_LAYERS.compounds] });
    el.dataset.pointCompounds = JSON.stringify([...new Set(pointCompounds.map((f) => f.properties.name))].sort());
    el.dataset.mapReady = "true";
    markReady();
  };
  // The map's first frame is handled by a listener made at the first render: it reads the latest.
  const latest = useRef({ ready, finish });
  latest.current = { ready, finish };
  useEffect(() => {
    let map: import("maplibre-gl").Map | undefined;
    let cancelled = false;
    (async () => {
      const maplibre = await loadMapLibre(workerUrl);
      if (cancelled || !container.current) return;
      const el = container.current;
      const m = new maplibre.Map({
        container: el,
        style: buildStyle(layers, theme, stops, drill) as import("maplibre-gl").StyleSpecification,
        ...view ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom, pitch: view.pitch } : {
          bounds: bounds ?? boundsOf(layers.overlay?.features.length ? layers.overlay : layers.compounds),
          fitBoundsOptions: { padding: 24 },
        },
        attributionControl: { compact: false, customAttribution: t(lang, "attribution.demo") },
        fadeDuration: 0,
      });
      map = m;
      m.once("load", () => {
        mapRef.current = m;
        onMap?.(m);
      });
      m.once("idle", () => {
        // The district is on screen (places, buildings, labels), coloured or not: the first meaningful map.
        el.dataset.drawn = "true";
        // Coloured in its data and ready before this frame: no second frame to wait for. The drill map's
        // colours are feature-state, set in batches at animation frames that may come after this one.
        if (latest.current.ready && !drill) latest.current.finish(m, el);
        else setDrawn(m);
      });
    })();
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = undefined;
    };
  }, []);
  useEffect(() => {
    const m = drawn;
    const el = container.current;
    if (!m || !el || !ready) return;
    // After the page's last change has been drawn.
    m.once("idle", () => finish(m, el));
    m.triggerRepaint();
  }, [drawn, ready]);
  useEffect(() => {
    const map = mapRef.current;
    const overlay = layers.overlay;
    if (!map || !overlay) return;
    (map.getSource("overlay") as import("maplibre-gl").GeoJSONSource).setData(
      overlay as Parameters<import("maplibre-gl").GeoJSONSource["setData"]>[0],
    );
    if (overlay.features.length) map.fitBounds(boundsOf(overlay), { padding: 40, maxZoom: 17, duration: 0 });
  }, [layers.overlay]);
  return (
    <div
      ref={container}
      class={`linli-map ${cls ?? ""}`}
      data-background={PALETTES[theme].background}
      style={{ background: PALETTES[theme].background }}
    />
  );
}
