/**
 * Data cubes for the map page's cross-filter, after Mosaic's (Heer & Moritz 2023): while
 * one control is being moved (the active axis: a time brush, a click on a category bar
 * or on a compound), every other view is answered from a small table pre-aggregated by
 * that axis and the view's own axis, with the filters that are not moving baked in. One
 * cube over every dimension at once would not help: at day × compound × category × kind
 * × source × status it has about as many rows as `tickets` itself.
 *
 * SQL builders only; the same `cubeCountsSql` answers from a cube or from raw `tickets`,
 * which is what the tests compare.
 */

import { DAY_MS, HOUR_MS, UTC_OFFSET_HOURS } from "../time.ts";
import { type Filter, filterSql } from "./filter.ts";
import { hoursBetween, localDate, timestampLiteral } from "./sql.ts";

/** The independent dimensions a cube can keep; the place axis keeps street, community and compound together. */
export type Axis = "time" | "place" | "category" | "kind" | "source" | "status";

/**
 * What a cross-filter view groups by, one named key each, and the axis it belongs to: a
 * flat vocabulary of the cube's columns, unlike the metric builders' `GroupBy` (filter.ts),
 * which says a place level, a time grain and whether to split by category.
 */
export const CUBE_KEYS = {
  day: "time",
  week: "time",
  street: "place",
  community: "place",
  compound: "place",
  category: "category",
  kind: "kind",
  source: "source",
  status: "status",
} as const satisfies Record<string, Axis>;
export type CubeKey = keyof typeof CUBE_KEYS;

/** The axis each part of a filter narrows. */
export const FILTER_AXES = {
  from: "time",
  to: "time",
  placeLevel: "place",
  placeIds: "place",
  categories: "category",
  kinds: "kind",
  sources: "source",
  statuses: "status",
} as const satisfies Record<keyof Filter, Axis>;

const AXIS_COLUMNS: Record<Axis, string[]> = {
  time: ["day"],
  place: ["street_id", "community_id", "compound_id"],
  category: ["category"],
  kind: ["kind"],
  source: ["source"],
  status: ["status"],
};

/** The place levels the place axis keeps; a filter on grids or buildings needs `tickets`. */
const CUBE_PLACE_LEVELS = new Set(["district", "street", "community", "compound"]);

export interface Cube {
  table: string;
  axes: Axis[];
  /** The filter on the axes the cube does not keep, applied once when it is built. */
  baked: Filter;
  /** The offset of the local days the cube's `day` holds. */
  utcOffsetHours: number;
}

const MEASURES = {
  tickets: "count(*)",
  closed: "count(closed_at)",
  resolution_hours: `sum(${hoursBetween("created_at", "closed_at")})`,
};

/** The column holding a cube key in cubeCountsSql's answers (a place's id column). */
export function cubeKeyColumn(g: CubeKey): string {
  return CUBE_KEYS[g] === "place" ? `${g}_id` : g;
}

function keySql(g: CubeKey, day: string): string {
  if (g === "day") return `${day} AS day`;
  if (g === "week") return `CAST(date_trunc('week', ${day}) AS DATE) AS week`;
  return cubeKeyColumn(g);
}

/** The day conditions of `filter` on a column of local days; its bounds are local midnights. */
function dayConditions(filter: Filter, utcOffsetHours: number): string[] {
  const bound = (ms: number) => localDate(timestampLiteral(ms), utcOffsetHours);
  return [
    ...filter.from === undefined ? [] : [`day >= ${bound(filter.from)}`],
    ...filter.to === undefined ? [] : [`day < ${bound(filter.to)}`],
  ];
}

/** The part of `filter` on the given axes. */
function restrict(filter: Filter, keep: (axis: Axis) => boolean): Filter {
  const kept: Record<string, unknown> = {};
  // In a fixed field order, so that equal filters compare equal as JSON.
  for (const [field, axis] of Object.entries(FILTER_AXES)) {
    const value = filter[field as keyof Filter];
    if (value !== undefined && keep(axis)) kept[field] = value;
  }
  return kept as Filter;
}

/** The cube's rows as a query over `tickets`. */
function cubeRowsSql(cube: Cube): string {
  const columns = cube.axes.flatMap((axis) =>
    axis === "time" ? [`${localDate("created_at", cube.utcOffsetHours)} AS day`] : AXIS_COLUMNS[axis]
  );
  const measures = Object.entries(MEASURES).map(([name, sql]) => `${sql} AS ${name}`);
  return `SELECT ${[...columns, ...measures].join(", ")}
FROM tickets
WHERE ${filterSql(cube.baked)}
GROUP BY ALL`;
}

export function createCubeSql(cube: Cube): string {
  return `CREATE OR REPLACE TABLE "${cube.table}" AS\n${cubeRowsSql(cube)}`;
}

/**
 * `sql`, which reads `cube`, with the cube defined in it: the same answer on a connection
 * that cannot make tables (the server's answers), where the cube is computed within the query.
 */
export function withInlineCube(cube: Cube, sql: string): string {
  return `WITH "${cube.table}" AS (\n${cubeRowsSql(cube)}\n)\n${sql}`;
}

/**
 * Why `cube` cannot answer a query grouped by `groupBy` under `filter`, or null when it
 * can: it must keep every axis grouped or filtered on, and agree with the query on the rest.
 */
export function cubeMismatch(cube: Cube, groupBy: CubeKey[], filter: Filter): string | null {
  const missing = groupBy.filter((g) => !cube.axes.includes(CUBE_KEYS[g]));
  if (missing.length) return `cube ${cube.table} does not keep ${missing.join(", ")}`;
  if (cube.axes.includes("place") && filter.placeLevel && !CUBE_PLACE_LEVELS.has(filter.placeLevel)) {
    return `cube ${cube.table} does not keep ${filter.placeLevel}s`;
  }
  const offMidnight = [filter.from, filter.to].find((ms) =>
    ms !== undefined && cube.axes.includes("time") && (ms + cube.utcOffsetHours * HOUR_MS) % DAY_MS !== 0
  );
  if (offMidnight !== undefined) return `cube ${cube.table} keeps days, and ${offMidnight} is not a local midnight`;
  const outside = (axis: Axis) => !cube.axes.includes(axis);
  const wanted = JSON.stringify(restrict(filter, outside));
  const baked = JSON.stringify(restrict(cube.baked, outside));
  return wanted === baked ? null : `cube ${cube.table} was built for ${baked}, not ${wanted}`;
}

/**
 * Tickets, closed tickets and summed resolution hours per group of cube keys (unlike
 * filter.ts's `aggregateSql`, any measures over `ticket_facts`), from `cube` or, when it
 * is null, from `tickets`. A cube that cannot answer the query is an error, never a
 * silently different figure.
 */
export function cubeCountsSql(
  cube: Cube | null,
  groupBy: CubeKey[],
  filter: Filter = {},
  utcOffsetHours = UTC_OFFSET_HOURS,
): string {
  let from = "tickets";
  let day = localDate("created_at", utcOffsetHours);
  let measures = Object.entries(MEASURES).map(([name, sql]) => `${sql} AS ${name}`);
  let conditions = [filterSql(filter)];
  if (cube) {
    const mismatch = cubeMismatch(cube, groupBy, filter);
    if (mismatch) throw new Error(mismatch);
    const kept = restrict(filter, (axis) => cube.axes.includes(axis));
    from = cube.table;
    day = "day";
    measures = Object.keys(MEASURES).map((name) => `sum(${name}) AS ${name}`);
    conditions = [filterSql({ ...kept, from: undefined, to: undefined }), ...dayConditions(kept, cube.utcOffsetHours)];
  }
  const keys = groupBy.map((g) => keySql(g, day));
  const order = groupBy.length ? `\nGROUP BY ALL\nORDER BY ${groupBy.map((_, i) => i + 1).join(", ")}` : "";
  return `SELECT ${[...keys, ...measures].join(", ")}
FROM "${from}"
WHERE ${conditions.join(" AND ")}${order}`;
}

/** The map page's views, each grouped along one axis. */
export const VIEWS = {
  timeline: "time",
  categories: "category",
  map: "place",
} as const satisfies Record<string, Axis>;

/**
 * The cubes that answer every other view while the `active` axis moves under `filter`:
 * one per view, keeping the active axis and the view's own.
 */
export function crossFilterCubes(
  active: Axis,
  filter: Filter,
  utcOffsetHours = UTC_OFFSET_HOURS,
): Record<keyof typeof VIEWS, Cube | null> {
  const entries = Object.entries(VIEWS).map(([view, axis]) => {
    if (axis === active) return [view, null];
    // In a fixed order, so that a brush on time and a click on a place share one (time, place) cube.
    const axes: Axis[] = [active, axis].toSorted();
    const cube: Cube = {
      table: `cube_${axes.join("_")}`,
      axes,
      baked: restrict(filter, (a) => !axes.includes(a)),
      utcOffsetHours,
    };
    return [view, cube];
  });
  return Object.fromEntries(entries);
}
