/**
 * The map page's cross-filter: the time histogram, the category, kind, source and
 * status bars, and the compounds on the map each show the tickets that pass every
 * filter but their own (so a view keeps showing what else could be chosen). While one
 * control moves, the other views read lib/metrics/cube.ts cubes built when it started
 * moving; a view the cubes cannot answer exactly is read from `tickets`.
 */
import type { Connector } from "../db/connector.ts";
import {
  aggregateSql,
  type Axis,
  createCubeSql,
  type Cube,
  cubeMismatch,
  FILTER_AXES,
  type Grouping,
} from "../metrics/cube.ts";
import type { Filter } from "../metrics/filter.ts";

export const CHART_VIEWS = {
  timeline: "time",
  categories: "category",
  kinds: "kind",
  sources: "source",
  statuses: "status",
  compounds: "place",
} as const satisfies Record<string, Axis>;
export type ChartView = keyof typeof CHART_VIEWS;

/** The filter without the given axes' parts. */
export function without(filter: Filter, axes: Axis[]): Filter {
  const rest = { ...filter };
  for (const [field, axis] of Object.entries(FILTER_AXES)) if (axes.includes(axis)) delete rest[field as keyof Filter];
  return rest;
}

export function viewGrouping(view: ChartView, grain: "day" | "week"): Grouping {
  if (view === "timeline") return grain;
  if (view === "compounds") return "compound";
  return ({ categories: "category", kinds: "kind", sources: "source", statuses: "status" } as const)[view];
}

/** The cube answering `view` while `active` moves: it keeps both axes, the rest of `filter` baked in. */
export function viewCube(view: ChartView, active: Axis, filter: Filter, utcOffsetHours: number): Cube | null {
  const own = CHART_VIEWS[view];
  if (own === active) return null;
  const axes: Axis[] = [active, own].toSorted();
  return { table: `cube_${axes.join("_")}`, axes, baked: without(filter, axes), utcOffsetHours };
}

/** The query of one view under `filter`; from `cube` when it answers it exactly. */
export function viewSql(
  view: ChartView,
  grain: "day" | "week",
  filter: Filter,
  cube: Cube | null,
  utcOffsetHours: number,
): string {
  const groupBy = [viewGrouping(view, grain)];
  const own = without(filter, [CHART_VIEWS[view]]);
  const usable = cube && cubeMismatch(cube, groupBy, own) === null ? cube : null;
  return aggregateSql(usable, groupBy, own, utcOffsetHours);
}

export interface ChartRow {
  key: string;
  tickets: number;
}

export type ChartData = Record<ChartView, ChartRow[]>;

/** Keys as text: days and weeks as local dates, the rest as they are. */
function keyText(value: unknown): string {
  return typeof value === "number" ? new Date(value).toISOString().slice(0, 10) : String(value ?? "");
}

/**
 * Answers every view for the page. Cubes are (re)built when the active axis changes or
 * the filter outside it does; the views of the active axis itself do not depend on it
 * and are kept from the last time they were read.
 */
export class CrossFilter {
  #built = new Map<string, string>();
  #active: Axis | null = null;
  #activeFilter = "";
  #cache = new Map<ChartView, ChartRow[]>();

  constructor(private db: Connector, private utcOffsetHours: number) {}

  async query(filter: Filter, active: Axis | null, grain: "day" | "week"): Promise<ChartData> {
    const others = active ? JSON.stringify(without(filter, [active])) : "";
    const fresh = active !== this.#active || others !== this.#activeFilter;
    if (fresh) this.#cache.clear();
    this.#active = active;
    this.#activeFilter = others;
    const entries = await Promise.all(
      (Object.keys(CHART_VIEWS) as ChartView[]).map(async (view) => {
        const cached = this.#cache.get(view);
        const cube = active ? viewCube(view, active, filter, this.utcOffsetHours) : null;
        if (cube) await this.#ensure(cube);
        else if (cached && active && CHART_VIEWS[view] === active) return [view, cached] as const;
        const rows = await this.db.query<Record<string, unknown>>(
          viewSql(view, grain, filter, cube, this.utcOffsetHours),
        );
        const groupKey = viewGrouping(view, grain);
        const key = groupKey === "compound" ? "compound_id" : groupKey;
        const data = rows.map((r) => ({ key: keyText(r[key]), tickets: Number(r.tickets) }));
        if (!cube) this.#cache.set(view, data);
        return [view, data] as const;
      }),
    );
    return Object.fromEntries(entries) as ChartData;
  }

  async #ensure(cube: Cube): Promise<void> {
    const signature = JSON.stringify(cube.baked);
    if (this.#built.get(cube.table) === signature) return;
    this.#built.set(cube.table, signature);
    try {
      await this.db.query(createCubeSql(cube));
    } catch (e) {
      this.#built.delete(cube.table);
      throw e;
    }
  }
}
