/**
 * The drill-down map: MapCanvas with our drill layers, driven by feature-state. A filter
 * change only sets colours on features already drawn; the data is never sent again.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature } from "maplibre-gl";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { areaFeatures, type AreaRing } from "../../lib/drill/area.ts";
import { childLevel } from "../../lib/drill/path.ts";
import type { MapView, PlaceRef } from "../../lib/drill/state.ts";
import { type Bounds, bounds } from "../../lib/map/geojson.ts";
import type { LayerUnit } from "../../lib/map/layers.ts";
import { ALERT_LAYERS, DRILL_SOURCE, type DrillStyle, type MapLayers, POINT_LAYERS } from "../../lib/map/style.ts";
import type { Lang } from "../../lib/i18n.ts";
import type { Colors } from "../../lib/drill/layer_data.ts";
import { FeatureStateBatch } from "../../lib/map/feature_state_batch.ts";
import { MapCanvas } from "../common/MapCanvas.tsx";

export interface DrillMapViewProps {
  /** The district's extent, fitted before anything is drilled into. */
  bounds: Bounds;
  /** Each place's extent by `level:id`, for fitting it when drilled into. */
  extents: Map<string, Bounds>;
  /** Where the test probes for drawn compounds. */
  probe: [number, number][];
  drill: DrillStyle;
  workerUrl: string;
  lang: Lang;
  place: PlaceRef | null;
  /** The drawn area, fitted when there is no view; AreaDraw draws it. */
  area: AreaRing | null;
  /** While an area is being drawn, clicks add its corners instead of drilling. */
  drawing: boolean;
  view: MapView | null;
  unit: LayerUnit;
  compoundColors: Colors;
  hexColors: Colors;
  priority: Set<string>;
  /** Alerts by place of `alertLevel`, ringed (empty while the alerts layer is off). */
  alertRings: Map<string, number>;
  alertLevel: PlaceRef["level"];
  /** Whether the layer's colours have arrived. */
  coloured: boolean;
  onPick: (place: PlaceRef) => void;
  onView: (view: MapView) => void;
  /** The map once its style has loaded, for controls drawing on it. */
  onMap?: (map: MapLibreMap) => void;
}

const SOURCE_OF: Record<PlaceRef["level"], string> = {
  street: "streets",
  community: "communities",
  compound: "compounds",
  building: "buildings",
};
const HIT_LAYERS: Record<PlaceRef["level"], string[]> = {
  street: ["street-hit"],
  community: ["community-hit"],
  compound: ["compounds", POINT_LAYERS.compounds],
  building: ["buildings", "buildings-3d", POINT_LAYERS.buildings],
};

/** The map's geometry comes from tiles: nothing to hand MapCanvas as GeoJSON. */
const EMPTY = { type: "FeatureCollection" as const, features: [] };
const NO_GEOMETRY: MapLayers = { streets: EMPTY, communities: EMPTY, compounds: EMPTY };

const NONE = new Map<string, unknown>();

/** A feature-state target: the hexes have a GeoJSON source of their own, the rest are layers of the tiles. */
const target = (layer: string, id: string) =>
  layer === "hexes" ? { source: layer, id } : { source: DRILL_SOURCE, sourceLayer: layer, id };

export function DrillMapView(props: DrillMapViewProps) {
  const [map, setMap] = useState<MapLibreMap>();
  const batch = useRef(new FeatureStateBatch());
  const frame = useRef(0);
  const latest = useRef(props);
  latest.current = props;

  // Whatever changed since the last frame goes to the map as one batch, at the next frame, and is
  // drawn in that same frame.
  const schedule = (m: MapLibreMap) => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const recolour = batch.current.has("compounds", "color");
      const changes = batch.current.take();
      for (const { layer, id, state } of changes) m.setFeatureState(target(layer, id), state);
      // Other changes are drawn in MapLibre's next frame, which setFeatureState asks for.
      if (!recolour) return;
      // Counts the recolourings that reached the screen, for the benchmark.
      const counted = () => {
        const el = m.getContainer();
        el.dataset.recoloured = String(Number(el.dataset.recoloured ?? 0) + 1);
      };
      if (changes.length === 0) return counted();
      m.once("render", counted);
      m.redraw();
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useLayoutEffect(() => {
    if (!map) return;
    batch.current.set("compounds", "color", props.compoundColors);
    schedule(map);
  }, [map, props.compoundColors]);
  useLayoutEffect(() => {
    if (!map) return;
    batch.current.set("hexes", "color", props.hexColors);
    schedule(map);
  }, [map, props.hexColors]);
  useLayoutEffect(() => {
    if (!map) return;
    batch.current.set("compounds", "priority", new Map([...props.priority].map((id) => [id, true])));
    schedule(map);
  }, [map, props.priority]);
  useLayoutEffect(() => {
    if (!map) return;
    const ringed = SOURCE_OF[props.alertLevel];
    for (const layer of ALERT_LAYERS) batch.current.set(layer, "alerts", layer === ringed ? props.alertRings : NONE);
    schedule(map);
  }, [map, props.alertRings, props.alertLevel]);
  useEffect(() => {
    map?.setLayoutProperty("hexes", "visibility", props.unit === "hex" ? "visible" : "none");
  }, [map, props.unit]);

  // Before the camera's first fit below: a fit of no duration ends at once, and its view belongs in the URL.
  useEffect(() => {
    if (!map) return;
    const showExtrusion = () => {
      const tilted = map.getPitch() > 5;
      map.setLayoutProperty("buildings-3d", "visibility", tilted ? "visible" : "none");
      map.setLayoutProperty("buildings", "visibility", tilted ? "none" : "visible");
    };
    const onMoveEnd = () => {
      showExtrusion();
      const c = map.getCenter();
      latest.current.onView({ lon: c.lng, lat: c.lat, zoom: map.getZoom(), pitch: map.getPitch() });
    };
    const onClick = (e: { point: { x: number; y: number } }) => {
      if (latest.current.drawing) return;
      const here = latest.current.place?.level ?? "district";
      const levels = [childLevel(here), here === "district" ? null : here].filter(Boolean) as PlaceRef["level"][];
      for (const level of levels) {
        const hits: MapGeoJSONFeature[] = map.queryRenderedFeatures([e.point.x, e.point.y], {
          layers: HIT_LAYERS[level].filter((id) => map.getLayoutProperty(id, "visibility") !== "none"),
        });
        const id = hits[0]?.id;
        if (id !== undefined) return latest.current.onPick({ level, id: String(id) });
      }
    };
    showExtrusion();
    map.on("moveend", onMoveEnd);
    map.on("click", onClick);
    return () => {
      map.off("moveend", onMoveEnd);
      map.off("click", onClick);
    };
  }, [map]);

  // The place's own extent, not the map of them all: buildings joining the ladder later do not move the camera.
  const placeExtent = props.place && props.extents.get(`${props.place.level}:${props.place.id}`);
  useEffect(() => {
    if (!map) return;
    for (const [level, layer] of Object.entries(SOURCE_OF)) {
      const place = props.place?.level === level ? props.place : null;
      batch.current.set(layer, "selected", new Map(place ? [[place.id, true]] : []));
    }
    schedule(map);
    const v = props.view;
    if (v) {
      map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom, pitch: v.pitch });
      return;
    }
    const area = props.area && bounds(areaFeatures(props.area));
    const extent = props.place ? placeExtent : area ?? props.bounds;
    if (extent) map.fitBounds(extent, { padding: 48, maxZoom: 18, duration: 0 });
  }, [map, props.place?.level, props.place?.id, props.area, props.view === null, placeExtent]);
  useEffect(() => {
    (map?.getSource("hexes") as GeoJSONSource | undefined)?.setData(props.drill.hexes as never);
  }, [map, props.drill.hexes]);

  return (
    <MapCanvas
      class="drill-map"
      layers={NO_GEOMETRY}
      bounds={props.bounds}
      probe={props.probe}
      theme="light"
      stops={[]}
      workerUrl={props.workerUrl}
      lang={props.lang}
      drill={props.drill}
      view={props.view}
      onMap={(m) => {
        setMap(m);
        latest.current.onMap?.(m);
      }}
      ready={props.coloured}
    />
  );
}
