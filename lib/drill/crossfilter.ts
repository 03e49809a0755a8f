/**
 * The map page's cross-filter: the time histogram, the category, kind, source and
 * status bars, and the compounds on the map each show the tickets that pass every
 * filter but their own (so a view keeps showing what else could be chosen). While one
 * control moves, each other view is answered from a lib/metrics/cube.ts cube, computed
 * within the query that reads it into the page once, when the control starts moving, and
 * counted there at every move (time_index.ts, selection_index.ts): a page's own engine and
 * the server's answers (lib/db/server_held.ts) take the same path, and no table is made. A
 * view the cubes cannot answer exactly is read from `tickets`.
 */
import type { Connector } from "../db/connector.ts";
import {
  type Axis,
  type Cube,
  cubeCountsSql,
  type CubeKey,
  cubeKeyColumn,
  cubeMismatch,
  FILTER_AXES,
  withInlineCube,
} from "../metrics/cube.ts";
import type { Filter } from "../metrics/filter.ts";
import { SelectionIndex, type SelectionRow } from "./selection_index.ts";
import { type KeyCount, TimeIndex, type TimeRow } from "./time_index.ts";

/** A view's counts under a filter, from its cube held in the page. */
type Counter = (filter: Filter) => KeyCount[];

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

export function viewGrouping(view: ChartView, grain: "day" | "week"): CubeKey {
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

/** The query of one view under `filter`, from `tickets`. */
export function viewSql(view: ChartView, grain: "day" | "week", filter: Filter, utcOffsetHours: number): string {
  return cubeCountsSql(null, [viewGrouping(view, grain)], without(filter, [CHART_VIEWS[view]]), utcOffsetHours);
}

export interface ChartRow {
  key: string;
  tickets: number;
}

export type ChartData = Record<ChartView, ChartRow[]>;

/**
 * Every view's query as one statement, each row tagged with its view: one round trip to
 * the engine's worker instead of one per chart, which is most of a small query's time.
 */
export function chartsSql(parts: { view: ChartView; sql: string; key: string }[]): string {
  return parts.map(({ view, sql, key }, i) =>
    `SELECT ${i} AS part, '${view}' AS view, CAST("${key}" AS VARCHAR) AS key, CAST(tickets AS DOUBLE) AS tickets FROM (${sql}) v${i}`
  ).join("\nUNION ALL\n") + "\nORDER BY part, key";
}

/**
 * Answers every view for the page. Cubes are read again when the active axis changes or
 * the filter outside it does; the views of the active axis itself do not depend on it
 * and are kept from the last time they were read.
 */
export class CrossFilter {
  #active: Axis | null = null;
  #activeFilter = "";
  #cache = new Map<ChartView, ChartRow[]>();

  constructor(private db: Connector, private utcOffsetHours: number) {}

  /** `signal`: the page moved on; the queries still queued for this answer are dropped. */
  async query(filter: Filter, active: Axis | null, grain: "day" | "week", signal?: AbortSignal): Promise<ChartData> {
    const others = active ? JSON.stringify(without(filter, [active])) : "";
    const fresh = active !== this.#active || others !== this.#activeFilter;
    if (fresh) this.#cache.clear();
    this.#active = active;
    this.#activeFilter = others;
    const plans = (Object.keys(CHART_VIEWS) as ChartView[]).map((view) => {
      const cube = active ? viewCube(view, active, filter, this.utcOffsetHours) : null;
      const kept = !cube && active && CHART_VIEWS[view] === active ? this.#cache.get(view) : undefined;
      return { view, cube, kept };
    });
    // While a control moves, the views its cubes answer exactly are counted in the page, from the cubes read once.
    const counters = await Promise.all(plans.map((p) =>
      p.cube && !p.kept &&
        cubeMismatch(p.cube, [viewGrouping(p.view, grain)], without(filter, [CHART_VIEWS[p.view]])) === null
        ? this.#counter(p.cube, active!, viewGrouping(p.view, grain))
        : null
    ));
    plans.forEach((p, i) => {
      if (counters[i]) p.kept = counters[i]!(filter);
    });
    const asked = plans.filter((p) => !p.kept);
    const rows = asked.length
      ? await this.db.query<{ view: ChartView; key: string | null; tickets: number }>(
        chartsSql(asked.map(({ view }) => ({
          view,
          sql: viewSql(view, grain, filter, this.utcOffsetHours),
          key: cubeKeyColumn(viewGrouping(view, grain)),
        }))),
        { signal },
      )
      : [];
    const data = Object.fromEntries(plans.map((p) => [p.view, p.kept ?? []])) as ChartData;
    for (const r of rows) {
      // Days and weeks as local dates, whether the engine answers a DATE or a TIMESTAMP.
      const key = CHART_VIEWS[r.view] === "time" ? String(r.key).slice(0, 10) : String(r.key ?? "");
      data[r.view].push({ key, tickets: Number(r.tickets) });
    }
    for (const p of asked) if (!p.cube) this.#cache.set(p.view, data[p.view]);
    return data;
  }

  #counters = new Map<string, { signature: string; counter: Promise<Counter | null> }>();

  /**
   * Counts of a view from its cube in the page: running totals while the time moves, sums
   * over the chosen values while a list or the place does. Read once per cube and never
   * aborted, as the next answer needs the same. Null when the cube cannot be read
   * (the server refuses an answer past its row limit): the view is then asked at each move.
   */
  #counter(cube: Cube, active: Axis, key: CubeKey): Promise<Counter | null> {
    const signature = JSON.stringify(cube.baked);
    const slot = `${cube.table}|${key}`;
    const known = this.#counters.get(slot);
    if (known?.signature === signature) return known.counter;
    const offset = this.utcOffsetHours;
    const read = <T>(sql: string) => this.db.query<T>(withInlineCube(cube, sql));
    const counter: Promise<Counter | null> =
      (active === "time"
        ? read<TimeRow>(TimeIndex.sql(cube, cubeKeyColumn(key))).then((rows) => {
          const index = TimeIndex.from(rows);
          return (filter: Filter) => index.count(filter.from, filter.to, offset);
        })
        : read<SelectionRow>(SelectionIndex.sql(cube, active, key)).then((rows) => {
          const index = SelectionIndex.from(active, rows);
          return (filter: Filter) => index.count(filter);
        })).catch((e) => {
          console.warn(`the ${key} view is asked at each move: ${e instanceof Error ? e.message : e}`);
          return null;
        });
    this.#counters.set(slot, { signature, counter });
    return counter;
  }
}
