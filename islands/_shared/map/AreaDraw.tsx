/**
 * Drawing an area on the drill map. The button toggles draw mode; while drawing, a click
 * on the map adds a corner (the page's click-to-drill is off), Enter, a double-click or a
 * click on the first corner closes the outline, Escape cancels and Backspace removes the
 * last corner. The outline being drawn, or the one set, is a tiny GeoJSON source of its own.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useRef, useState } from "preact/hooks";
import { areaFeatures, type AreaProblem, type AreaRing, checkArea, type LonLat } from "../../../lib/drill/area.ts";
import { type Lang, t } from "../../../lib/i18n.ts";

export interface AreaDrawProps {
  /** Undefined until the map's style has loaded. */
  map: MapLibreMap | undefined;
  area: AreaRing | null;
  drawing: boolean;
  onDrawing: (drawing: boolean) => void;
  onArea: (area: AreaRing | null) => void;
  lang: Lang;
}

const SOURCE = "drawn-area";
const COLOR = "#1f5fbf";
/** A click this close to the first corner closes the outline; this close to the last, it is a double-click's first half. */
const SNAP_PX = 8;

export function AreaDraw(props: AreaDrawProps) {
  const { map, area, drawing, lang } = props;
  const latest = useRef(props);
  latest.current = props;
  // Corners live in a ref: map events can arrive before the page re-renders with new state.
  const corners = useRef<LonLat[]>([]);
  const cursor = useRef<LonLat | null>(null);
  const [count, setCount] = useState(0);
  const [problem, setProblem] = useState<AreaProblem | null>(null);

  useEffect(() => {
    if (map && !map.getSource(SOURCE)) addAreaLayers(map);
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const show = () =>
      (map.getSource(SOURCE) as GeoJSONSource).setData(
        drawing ? sketchFeatures(corners.current, cursor.current) : outlineFeatures(latest.current.area),
      );
    const setCorners = (next: LonLat[]) => {
      corners.current = next;
      setCount(next.length);
      setProblem(null);
      show();
    };
    setCorners([]);
    if (!drawing) return;

    const finish = () => {
      const checked = checkArea(corners.current);
      if ("problem" in checked) return setProblem(checked.problem);
      latest.current.onDrawing(false);
      latest.current.onArea(checked.ring);
    };
    const near = (corner: LonLat | undefined, point: { x: number; y: number }) => {
      if (!corner) return false;
      const p = map.project(corner);
      return Math.hypot(p.x - point.x, p.y - point.y) <= SNAP_PX;
    };
    const onClick = (e: MapMouseEvent) => {
      if (corners.current.length >= 3 && near(corners.current[0], e.point)) return finish();
      if (near(corners.current.at(-1), e.point)) return;
      setCorners([...corners.current, [e.lngLat.lng, e.lngLat.lat]]);
    };
    const onMove = (e: MapMouseEvent) => {
      cursor.current = [e.lngLat.lng, e.lngLat.lat];
      show();
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select")) return;
      if (e.key === "Enter") finish();
      else if (e.key === "Escape") latest.current.onDrawing(false);
      else if (e.key === "Backspace") setCorners(corners.current.slice(0, -1));
      else return;
      // Not a button press, and not the page's own Escape (which climbs a level).
      e.preventDefault();
      e.stopPropagation();
    };
    // A double-click closes the outline rather than zooming.
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = "crosshair";
    map.on("click", onClick);
    map.on("dblclick", finish);
    map.on("mousemove", onMove);
    // Capturing on window runs before the page's own key handlers.
    addEventListener("keydown", onKey, true);
    return () => {
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = "";
      map.off("click", onClick);
      map.off("dblclick", finish);
      map.off("mousemove", onMove);
      removeEventListener("keydown", onKey, true);
      cursor.current = null;
    };
  }, [map, drawing, area]);

  return (
    <div class="area-draw">
      <div class="area-draw-buttons">
        <button
          type="button"
          data-action="draw-area"
          aria-pressed={drawing}
          disabled={!map}
          onClick={() => props.onDrawing(!drawing)}
        >
          {t(lang, "area.draw")}
        </button>
        {area && !drawing && (
          <button type="button" data-action="clear-area" onClick={() => props.onArea(null)}>
            {t(lang, "area.clear")}
          </button>
        )}
      </div>
      {drawing && (
        <p class={`status${problem ? " status-error" : ""}`} role={problem ? "alert" : "status"}>
          {problem ? t(lang, `area.${problem}`) : t(lang, "area.hint", { n: count })}
        </p>
      )}
    </div>
  );
}

type Features = Parameters<GeoJSONSource["setData"]>[0];

/** The set area's outline, or nothing. */
function outlineFeatures(area: AreaRing | null): Features {
  return area ? areaFeatures(area) : { type: "FeatureCollection", features: [] };
}

/** The corners so far, joined, and a line on to the pointer. */
function sketchFeatures(corners: LonLat[], cursor: LonLat | null): Features {
  const line = cursor ? [...corners, cursor] : corners;
  return {
    type: "FeatureCollection",
    features: [
      ...line.length >= 2
        ? [{ type: "Feature" as const, geometry: { type: "LineString" as const, coordinates: line }, properties: {} }]
        : [],
      ...corners.map((c, i) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: c },
        properties: { first: i === 0 },
      })),
    ],
  };
}

/** On top of every layer: a light fill, a line with a white casing to stand out on any colour, and the corners. */
function addAreaLayers(map: MapLibreMap) {
  map.addSource(SOURCE, { type: "geojson", data: outlineFeatures(null) });
  const notPoint = ["!=", ["geometry-type"], "Point"] as ["!=", ["geometry-type"], string];
  map.addLayer({
    id: "drawn-area-fill",
    type: "fill",
    source: SOURCE,
    filter: ["==", ["geometry-type"], "Polygon"],
    paint: { "fill-color": COLOR, "fill-opacity": 0.08 },
  });
  map.addLayer({
    id: "drawn-area-casing",
    type: "line",
    source: SOURCE,
    filter: notPoint,
    paint: { "line-color": "#ffffff", "line-width": 5 },
  });
  map.addLayer({
    id: "drawn-area-line",
    type: "line",
    source: SOURCE,
    filter: notPoint,
    paint: { "line-color": COLOR, "line-width": 2.5 },
  });
  map.addLayer({
    id: "drawn-area-corners",
    type: "circle",
    source: SOURCE,
    filter: ["==", ["geometry-type"], "Point"],
    paint: {
      // The first corner is larger: clicking it closes the outline.
      "circle-radius": ["case", ["get", "first"], 7, 4.5],
      "circle-color": "#ffffff",
      "circle-stroke-color": COLOR,
      "circle-stroke-width": 2,
    },
  });
}
