/**
 * The map page's state as the URL holds it, so a copied link restores the same view:
 * the place drilled into, the time range, the filters, the layer and the camera.
 * Dates are local calendar days (inclusive in the URL, as people read them); the
 * filter's bounds are the local midnights around them.
 */
import type { Filter } from "../metrics/filter.ts";
import { isLayerId, type LayerId } from "../map/layers.ts";
import { type AreaRing, decodeArea, encodeArea } from "./area.ts";
import type { DrillLevel } from "./path.ts";
import { addDays, DAY_MS, localMidnight } from "../time.ts";

export interface PlaceRef {
  level: Exclude<DrillLevel, "district">;
  id: string;
}

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
  pitch: number;
}

export type Grain = "day" | "week";

export interface MapState {
  /** null: the whole district, or the drawn area when there is one. */
  place: PlaceRef | null;
  /** A drawn area filtering by the compounds inside it; never set together with `place`. */
  area: AreaRing | null;
  /** First and last local day (YYYY-MM-DD); null: the default range ending at the data's newest day. */
  from: string | null;
  to: string | null;
  categories: string[] | null;
  kinds: string[] | null;
  sources: string[] | null;
  statuses: string[] | null;
  layer: LayerId;
  /** Whether places with current alerts (预警) are ringed. */
  alerts: boolean;
  grain: Grain;
  /** null: fit the place. */
  view: MapView | null;
}

const DEFAULT_DAYS = 90;

export const DEFAULT_STATE: MapState = {
  place: null,
  area: null,
  from: null,
  to: null,
  categories: null,
  kinds: null,
  sources: null,
  statuses: null,
  layer: "per_1000",
  alerts: false,
  grain: "day",
  view: null,
};

const LIST_PARAMS = { categories: "cat", kinds: "kind", sources: "src", statuses: "status" } as const;
type ListField = keyof typeof LIST_PARAMS;
const PLACE_LEVELS = new Set(["street", "community", "compound", "building"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The state as query parameters; defaults are left out so a plain /map stays plain. */
export function encodeState(state: MapState, lang?: string): string {
  const p = new URLSearchParams();
  if (lang === "en") p.set("lang", "en");
  if (state.place) p.set("place", `${state.place.level}:${state.place.id}`);
  if (state.area) p.set("area", encodeArea(state.area));
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  for (const [field, name] of Object.entries(LIST_PARAMS) as [ListField, string][]) {
    const values = state[field];
    if (values) p.set(name, values.join(","));
  }
  if (state.layer !== DEFAULT_STATE.layer) p.set("layer", state.layer);
  if (state.alerts) p.set("alerts", "1");
  if (state.grain !== DEFAULT_STATE.grain) p.set("grain", state.grain);
  if (state.view) {
    const { lon, lat, zoom, pitch } = state.view;
    p.set("view", [lon.toFixed(5), lat.toFixed(5), zoom.toFixed(2), Math.round(pitch)].join(","));
  }
  const text = p.toString().replaceAll("%2C", ",").replaceAll("%3A", ":").replaceAll("%3B", ";");
  return text ? `?${text}` : "";
}

/** Reads what it can; anything malformed falls back to its default rather than failing the page. */
export function decodeState(search: string): MapState {
  const p = new URLSearchParams(search);
  const state: MapState = { ...DEFAULT_STATE };
  const place = p.get("place");
  const colon = place?.indexOf(":") ?? -1;
  if (place && colon > 0 && PLACE_LEVELS.has(place.slice(0, colon)) && colon < place.length - 1) {
    state.place = { level: place.slice(0, colon) as PlaceRef["level"], id: place.slice(colon + 1) };
  }
  // A hand-made link with both keeps the area, as withPlace would filter by it.
  state.area = decodeArea(p.get("area"));
  if (state.area) state.place = null;
  const from = p.get("from"), to = p.get("to");
  if (from && DATE.test(from)) state.from = from;
  if (to && DATE.test(to)) state.to = to;
  for (const [field, name] of Object.entries(LIST_PARAMS) as [ListField, string][]) {
    const value = p.get(name);
    if (value !== null) state[field] = value === "" ? [] : value.split(",");
  }
  const layer = p.get("layer");
  if (layer && isLayerId(layer)) state.layer = layer;
  state.alerts = p.get("alerts") === "1";
  if (p.get("grain") === "week") state.grain = "week";
  const view = p.get("view")?.split(",").map(Number);
  if (view?.length === 4 && view.every(Number.isFinite)) {
    const [lon, lat, zoom, pitch] = view;
    state.view = { lon, lat, zoom, pitch };
  }
  return state;
}

/** The state after a change: drawing an area leaves the place, and picking a place (the district too) clears the area. */
export function applyChange(state: MapState, change: Partial<MapState>): MapState {
  const next = { ...state, ...change };
  if (change.area) next.place = null;
  else if (change.place !== undefined) next.area = null;
  return next;
}

/** The range shown: the URL's, else the last `DEFAULT_DAYS` days up to the data's newest day. */
export function resolveRange(state: MapState, newestDay: string): { from: string; to: string } {
  const to = state.to ?? newestDay;
  return { from: state.from ?? addDays(to, 1 - DEFAULT_DAYS), to };
}

/** The same number of days just before the range, for trends. */
export function previousRange(range: { from: string; to: string }): { from: string; to: string } {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** The metrics filter for a range and the state's lists, without the place. */
export function stateFilter(state: MapState, range: { from: string; to: string }): Filter {
  const filter: Filter = { from: localMidnight(range.from), to: localMidnight(addDays(range.to, 1)) };
  if (state.categories) filter.categories = state.categories;
  if (state.kinds) filter.kinds = state.kinds;
  if (state.sources) filter.sources = state.sources;
  if (state.statuses) filter.statuses = state.statuses;
  return filter;
}

/** The filter narrowed to a place (a drilled place, or the compounds inside a drawn polygon). */
export function withPlace(filter: Filter, place: PlaceRef | null, drawn: string[] | null = null): Filter {
  if (drawn) return { ...filter, placeLevel: "compound", placeIds: drawn };
  if (!place) return filter;
  return { ...filter, placeLevel: place.level, placeIds: [place.id] };
}

/** Toggles one value of a list filter; null means "all", so toggling from all keeps everything else. */
export function toggleValue(current: string[] | null, value: string, all: string[]): string[] | null {
  const selected = new Set(current ?? all);
  if (selected.has(value)) selected.delete(value);
  else selected.add(value);
  const next = all.filter((v) => selected.has(v));
  return next.length === all.length ? null : next;
}
