/**
 * Drawing an area on the drill map. The button toggles draw mode; while drawing, a click
 * on the map adds a corner (the page's click-to-drill is off), Enter, a double-click or a
 * click on the first corner closes the outline, Escape cancels and Backspace removes the
 * last corner. The outline being drawn, or the one set, is a tiny GeoJSON source of its own.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useRef, useState } from "preact/hooks";
import { areaFeatures, type AreaProblem, type AreaRing, checkArea, type LonLat } from "../../lib/drill/area.ts";
import { type Lang, t } from "../../lib/i18n.ts";

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
  // The map's handlers read the props from here: they are registered once per map, and a
  // click right after the button's must already be a corner, as the drill map already
  // ignores it (it reads `drawing` the same way).
  const latest = useRef(props);
  latest.current = props;
  const corners = useRef<LonLat[]>([]);
  const cursor = useRef<LonLat | null>(null);
  const [count, setCount] = useState(0);
  const [problem, setProblem] = useState<AreaProblem | null>(null);

  /** The sketch while drawing, else the area set (if any). */
  const show = () => {
    const m = latest.current.map;
    if (!m) return;
    if (!m.getSource(SOURCE)) addAreaLayers(m);
    (m.getSource(SOURCE) as GeoJSONSource).setData(
      latest.current.drawing ? sketchFeatures(corners.current, cursor.current) : outlineFeatures(latest.current.area),
    );
  };
  const setCorners = (next: LonLat[]) => {
    corners.current = next;
    setCount(next.length);
    setProblem(null);
    show();
  };
  /** Starts or stops drawing; each drawing starts afresh. */
  const toggle = (on: boolean) => {
    cursor.current = null;
    setCorners([]);
    latest.current.onDrawing(on);
  };
  const finish = () => {
    const checked = checkArea(corners.current);
    if ("problem" in checked) return setProblem(checked.problem);
    toggle(false);
    latest.current.onArea(checked.ring);
  };

  useEffect(() => {
    if (!map) return;
    const near = (corner: LonLat | undefined, point: { x: number; y: number }) => {
      if (!corner) return false;
      const p = map.project(corner);
      return Math.hypot(p.x - point.x, p.y - point.y) <= SNAP_PX;
    };
    const onClick = (e: MapMouseEvent) => {
      if (!latest.current.drawing) return;
      if (corners.current.length >= 3 && near(corners.current[0], e.point)) return finish();
      if (near(corners.current.at(-1), e.point)) return;
      setCorners([...corners.current, [e.lngLat.lng, e.lngLat.lat]]);
    };
    const onDoubleClick = () => {
      if (latest.current.drawing) finish();
    };
    const onMove = (e: MapMouseEvent) => {
      if (!latest.current.drawing) return;
      cursor.current = [e.lngLat.lng, e.lngLat.lat];
      show();
    };
    const onKey = (e: KeyboardEvent) => {
      if (!latest.current.drawing || (e.target as HTMLElement | null)?.closest("input, textarea, select")) return;
      if (e.key === "Enter") finish();
      else if (e.key === "Escape") toggle(false);
      else if (e.key === "Backspace") setCorners(corners.current.slice(0, -1));
      else return;
      // Not a button press, and not the page's own Escape (which climbs a level).
      e.preventDefault();
      e.stopPropagation();
    };
    map.on("click", onClick);
    map.on("dblclick", onDoubleClick);
    map.on("mousemove", onMove);
    // Capturing on window runs before the page's own key handlers.
    addEventListener("keydown", onKey, true);
    return () => {
      map.off("click", onClick);
      map.off("dblclick", onDoubleClick);
      map.off("mousemove", onMove);
      removeEventListener("keydown", onKey, true);
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    show();
    if (!drawing) return;
    // A double-click closes the outline rather than zooming.
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = "crosshair";
    return () => {
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = "";
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
          onClick={() => toggle(!drawing)}
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
