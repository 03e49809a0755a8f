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
import { DRILL_SOURCE, type DrillStyle, type MapLayers, POINT_LAYERS } from "../../lib/map/style.ts";
import type { Lang } from "../../lib/i18n.ts";
import type { Colors } from "../../lib/drill/layer_data.ts";
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
  /** Whether the layer's colours have arrived. */
  coloured: boolean;
  onPick: (place: PlaceRef) => void;
  onView: (view: MapView) => void;
  /** The map once its style has loaded, for controls drawing on it. */
  onMap?: (map: MapLibreMap) => void;
  /** Once the map has first drawn what is in view. */
  onDrawn?: () => void;
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

/** A feature-state target: the hexes have a GeoJSON source of their own, the rest are layers of the tiles. */
const target = (layer: string, id: string) =>
  layer === "hexes" ? { source: layer, id } : { source: DRILL_SOURCE, sourceLayer: layer, id };

/** Sets one feature-state key on every id, clearing it on ids no longer listed. */
function setStates(map: MapLibreMap, layer: string, key: string, values: Map<string, unknown>, previous: Set<string>) {
  for (const id of previous) if (!values.has(id)) map.setFeatureState(target(layer, id), { [key]: null });
  for (const [id, value] of values) map.setFeatureState(target(layer, id), { [key]: value });
  return new Set(values.keys());
}

export function DrillMapView(props: DrillMapViewProps) {
  const [map, setMap] = useState<MapLibreMap>();
  const applied = useRef({ compounds: new Set<string>(), hexes: new Set<string>(), priority: new Set<string>() });
  const selected = useRef<PlaceRef | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // Set before the next frame, so the recolouring is drawn in it.
  useLayoutEffect(() => {
    if (!map) return;
    applied.current.compounds = setStates(map, "compounds", "color", props.compoundColors, applied.current.compounds);
    // Counts the recolourings that reached the screen, for the benchmark.
    map.once("render", () => {
      const el = map.getContainer();
      el.dataset.recoloured = String(Number(el.dataset.recoloured ?? 0) + 1);
    });
    map.triggerRepaint();
  }, [map, props.compoundColors]);
  useEffect(() => {
    if (!map) return;
    applied.current.hexes = setStates(map, "hexes", "color", props.hexColors, applied.current.hexes);
  }, [map, props.hexColors]);
  useEffect(() => {
    if (!map) return;
    const flags = new Map([...props.priority].map((id) => [id, true]));
    applied.current.priority = setStates(map, "compounds", "priority", flags, applied.current.priority);
  }, [map, props.priority]);
  useEffect(() => {
    map?.setLayoutProperty("hexes", "visibility", props.unit === "hex" ? "visible" : "none");
  }, [map, props.unit]);

  useEffect(() => {
    if (!map) return;
    const old = selected.current;
    if (old) map.setFeatureState(target(SOURCE_OF[old.level], old.id), { selected: false });
    selected.current = props.place;
    if (props.place) {
      map.setFeatureState(target(SOURCE_OF[props.place.level], props.place.id), { selected: true });
    }
    const v = props.view;
    if (v) {
      map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom, pitch: v.pitch });
      return;
    }
    const area = props.area && bounds(areaFeatures(props.area));
    const extent = props.place ? props.extents.get(`${props.place.level}:${props.place.id}`) : area ?? props.bounds;
    if (extent) map.fitBounds(extent, { padding: 48, maxZoom: 18, duration: 0 });
  }, [map, props.place?.level, props.place?.id, props.area, props.view === null, props.extents]);
  useEffect(() => {
    (map?.getSource("hexes") as GeoJSONSource | undefined)?.setData(props.drill.hexes as never);
  }, [map, props.drill.hexes]);

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
      onDrawn={props.onDrawn}
    />
  );
}
