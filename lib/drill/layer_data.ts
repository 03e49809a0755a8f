/**
 * Which builder feeds which metric layer of the drill map, and how its answer becomes the
 * map's colours: hexagons for density and Gi*, compounds for the rest (from SQL, or from
 * the cross-filter's ticket counts for the per-1,000 layer), outlines for the priority list.
 */
import type { Connector } from "../db/connector.ts";
import type { Filter } from "../metrics/filter.ts";
import { cellCountsSql, hotspots } from "../metrics/hotspots.ts";
import {
  type ClassedValues,
  classify,
  colorOf,
  compoundLayerSql,
  HEX_RESOLUTION,
  type LayerId,
  per1000,
  priorityLayerSql,
} from "../map/layers.ts";
import { GI_COLORS } from "../map/palette.ts";
import type { ChartData } from "./crossfilter.ts";

/** Feature id → colour. */
export type Colors = Map<string, string>;

export type LayerRows =
  | { kind: "compounds"; rows: { place_id: string; value: number | null }[] }
  | { kind: "hexes"; rows: { id: string; value: number; color?: string }[] }
  | { kind: "priority"; ids: string[] }
  /** The layer is computed from the cross-filter's counts, which the page has already. */
  | { kind: "cube" };

export interface LayerColors {
  compounds: Colors;
  hexes: Colors;
  priority: Set<string>;
  classes: ClassedValues | null;
  /** Each compound's value, for the list of places. */
  values: Map<string, number | null>;
}

/** Nothing coloured yet: the map shows its neutral fill. */
export const NO_COLORS: LayerColors = {
  compounds: new Map(),
  hexes: new Map(),
  priority: new Set(),
  classes: null,
  values: new Map(),
};

/** The figures a layer needs beyond the cross-filter's ticket counts, from lib/metrics. */
export async function layerData(db: Connector, layer: LayerId, filter: Filter): Promise<LayerRows> {
  if (layer === "density") {
    const rows = await db.query<{ id: string; tickets: number }>(cellCountsSql(HEX_RESOLUTION, filter));
    return { kind: "hexes", rows: rows.map((r) => ({ id: r.id, value: r.tickets })) };
  }
  if (layer === "hotspots") {
    const spots = await hotspots(db, { level: "h3", resolution: HEX_RESOLUTION }, filter);
    return { kind: "hexes", rows: spots.map((h) => ({ id: h.id, value: h.z, color: GI_COLORS.light[h.class] })) };
  }
  if (layer === "priority") {
    const rows = await db.query<{ place_id: string }>(priorityLayerSql(filter));
    return { kind: "priority", ids: rows.map((r) => r.place_id) };
  }
  const sql = compoundLayerSql(layer, filter);
  if (!sql) return { kind: "cube" };
  return { kind: "compounds", rows: await db.query(sql) };
}

/**
 * The colours of a layer's answer. `households` lists every compound (id → households), so
 * that a compound without a value is coloured as "no data" rather than left as it was.
 */
export function layerColors(
  layer: LayerId,
  rows: LayerRows | null,
  charts: Pick<ChartData, "compounds"> | null,
  households: Map<string, number | null>,
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
    values = new Map([...households].map(([id, h]) => [id, per1000(tickets.get(id) ?? 0, h)]));
  }
  const known = [...values.values()].filter((v): v is number => v != null);
  const classes = classify(layer, known);
  const compounds: Colors = new Map([...households.keys()].map((id) => [id, colorOf(values.get(id), classes)]));
  const priority = rows.kind === "priority" ? new Set(rows.ids) : new Set<string>();
  return { compounds, hexes: new Map(), priority, classes: layer === "gaps" ? null : classes, values };
}
