/**
 * The figures behind each wall scene, built from lib/metrics on the page's one DuckDB.
 * Windows end at the data's as-of (see periods.ts). A scene with nothing to show gets
 * `null`, so the screen says so instead of showing zeros as facts.
 */
import { ALERTS_LIST_SQL, type AlertSummary, summariseAlerts } from "../alerts/present.ts";
import type { Connector, Row } from "../db/connector.ts";
import type { FeatureCollection } from "../map/geojson.ts";
import { UTC_OFFSET_HOURS } from "../time.ts";
import type { GiClass } from "../metrics/gi_star.ts";
import { hotspots } from "../metrics/hotspots.ts";
import { DATA_AS_OF_SQL } from "../metrics/overview.ts";
import { metrics } from "../metrics/runner.ts";
import { recentClosuresSql } from "./closures.ts";
import type { SceneId, WallConfig } from "./config.ts";
import { hotspotLayer } from "./hotspot_layer.ts";
import { buildingNamesSql, nameLookup, PLACE_NAMES_SQL } from "./names.ts";
import { type AsOfWindows, asOfWindows, daysBefore } from "./periods.ts";
import { showableBuildingRows } from "../privacy/small_counts.ts";

export interface MapSceneData {
  today: number;
  month: number;
  open: number;
  overdue: number;
  hotspots: FeatureCollection;
  hotCells: number;
  coldCells: number;
}

export interface RankingRow {
  placeId: string;
  name: string;
  tickets: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** The mean of the rates the street has; the ranking's order. */
  score: number | null;
}

export interface AgeBucket {
  fromDays: number;
  toDays: number | null;
  open: number;
  overdue: number;
}

export interface BacklogSceneData {
  open: number;
  overdue: number;
  buckets: AgeBucket[];
  longest: { ticketId: string; place: string; category: string; status: string; overdueDays: number }[];
  /** Buildings with the most overdue tickets, only those with at least MIN_BUILDING_COUNT. */
  buildings: { id: string; name: string; compound: string; overdue: number }[];
}

export interface CallbackFigures {
  closed: number;
  calledBack: number;
  coverage: number | null;
  timeliness: number | null;
  satisfaction: number | null;
  unsatisfied: number;
  rated: number;
}

export interface CallbacksSceneData {
  /** Tickets received this month (of the as-of) and the month before. */
  month: CallbackFigures;
  previous: CallbackFigures;
  monthStart: number;
  previousMonthStart: number;
  streets: { placeId: string; name: string; satisfaction: number | null; rated: number }[];
}

export interface PriorityRow {
  compoundId: string;
  name: string;
  street: string;
  ticketRate: number;
  coverage: number | null;
  hotspot: GiClass;
}

export interface PrioritySceneData {
  rows: PriorityRow[];
  ticketRateThreshold: number;
  coverageMedian: number;
}

export interface ClosureRow {
  ticketId: string;
  closedAt: number;
  community: string;
  compound: string;
  category: string;
  status: string;
  resolvedLevel: string | null;
  callbackResult: string | null;
}

export interface SceneData {
  alerts: AlertSummary;
  map: MapSceneData;
  ranking: RankingRow[];
  backlog: BacklogSceneData;
  callbacks: CallbacksSceneData;
  priority: PrioritySceneData;
  closures: ClosureRow[];
}

export interface WallData {
  /** The newest ticket's time; null when the store has no tickets. */
  asOf: number | null;
  /** Each scene of the playlist; null when it has nothing to show. */
  scenes: { [K in SceneId]?: SceneData[K] | null };
}

/** Rows shown in the lists, enough to fill a screen at wall-sized type. */
export const LIST_ROWS = { longest: 6, buildings: 5, priority: 10, closures: 16, alerts: 10 };
/** Compounds count as neighbours for the priority list's hotspots within this distance. */
const COMPOUND_NEIGHBOUR_METRES = 500;
const HOTSPOT_RESOLUTION = 8;

const num = (v: unknown) => Number(v ?? 0);
const rate = (v: unknown) => v == null ? null : Number(v);
const mean = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

interface Context {
  db: Connector;
  config: WallConfig;
  windows: AsOfWindows;
  name: (id: unknown) => string;
  /** The district's open backlog by age: the map and the backlog scenes both show it, asked once. */
  backlog: () => Promise<Row[]>;
}

async function mapScene({ db, config, windows, backlog: districtBacklog }: Context): Promise<MapSceneData> {
  const m = metrics(db);
  const [today, month, backlog, spots] = [
    await m.volume({ from: windows.dayStart, to: windows.end }, {}),
    await m.volume({ from: windows.monthStart, to: windows.end }, {}),
    await districtBacklog(),
    await hotspots(db, { level: "h3", resolution: HOTSPOT_RESOLUTION }, {
      from: daysBefore(windows.asOf, config.hotspotDays),
      to: windows.end,
    }),
  ];
  return {
    today: num(today[0]?.tickets),
    month: num(month[0]?.tickets),
    open: backlog.reduce((sum, r) => sum + num(r.open), 0),
    overdue: backlog.reduce((sum, r) => sum + num(r.overdue), 0),
    hotspots: hotspotLayer(spots),
    hotCells: spots.filter((s) => s.class.startsWith("hot")).length,
    coldCells: spots.filter((s) => s.class.startsWith("cold")).length,
  };
}

async function rankingScene({ db, config, windows, name }: Context): Promise<RankingRow[] | null> {
  const rows = await metrics(db).rates({ from: daysBefore(windows.asOf, config.rankingDays), to: windows.end }, {
    place: "street",
  });
  const ranked = rows.filter((r) => r.place_id != null).map((r) => {
    const rates = [rate(r.response_rate), rate(r.resolution_rate), rate(r.satisfaction_rate)];
    return {
      placeId: String(r.place_id),
      name: name(r.place_id),
      tickets: num(r.tickets),
      responseRate: rates[0],
      resolutionRate: rates[1],
      satisfactionRate: rates[2],
      score: mean(rates),
    };
  });
  ranked.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.placeId.localeCompare(b.placeId));
  return ranked.length ? ranked : null;
}

async function backlogScene({ db, name, backlog }: Context): Promise<BacklogSceneData | null> {
  const m = metrics(db);
  const buckets = (await backlog()).map((r) => ({
    fromDays: num(r.age_from_days),
    toDays: r.age_to_days == null ? null : num(r.age_to_days),
    open: num(r.open),
    overdue: num(r.overdue),
  }));
  const open = buckets.reduce((sum, b) => sum + b.open, 0);
  if (open === 0) return null;
  const longest = (await m.overdueList({}, { limit: LIST_ROWS.longest })).map((r) => ({
    ticketId: String(r.ticket_id),
    place: name(r.compound_id ?? r.community_id ?? r.street_id),
    category: String(r.category ?? "—"),
    status: String(r.status_source ?? "—"),
    overdueDays: num(r.overdue_days),
  }));
  return {
    open,
    overdue: buckets.reduce((sum, b) => sum + b.overdue, 0),
    buckets,
    longest,
    buildings: await overdueBuildings(db, await m.backlog({}, { place: "building" })),
  };
}

async function overdueBuildings(db: Connector, rows: Row[]): Promise<BacklogSceneData["buildings"]> {
  const overdue = new Map<string, number>();
  for (const r of rows) {
    if (r.place_id != null) overdue.set(String(r.place_id), (overdue.get(String(r.place_id)) ?? 0) + num(r.overdue));
  }
  const top = showableBuildingRows([...overdue], ([, n]) => n)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, LIST_ROWS.buildings);
  const names = await db.query(buildingNamesSql(top.map(([id]) => id)));
  const byId = new Map(names.map((r) => [String(r.id), r]));
  return top.map(([id, n]) => ({
    id,
    name: String(byId.get(id)?.name ?? id),
    compound: String(byId.get(id)?.compound ?? "—"),
    overdue: n,
  }));
}

function callbackFigures(callbacks: Row | undefined, rates: Row | undefined): CallbackFigures {
  return {
    closed: num(callbacks?.closed),
    calledBack: num(callbacks?.called_back),
    coverage: rate(callbacks?.coverage),
    timeliness: rate(callbacks?.timeliness),
    satisfaction: rate(rates?.satisfaction_rate),
    unsatisfied: num(callbacks?.unsatisfied),
    rated: num(callbacks?.rated),
  };
}

async function callbacksScene({ db, windows, name }: Context): Promise<CallbacksSceneData | null> {
  const m = metrics(db);
  const thisMonth = { from: windows.monthStart, to: windows.end };
  const lastMonth = { from: windows.previousMonthStart, to: windows.monthStart };
  const month = callbackFigures((await m.callbacks(thisMonth, {}))[0], (await m.rates(thisMonth, {}))[0]);
  const previous = callbackFigures((await m.callbacks(lastMonth, {}))[0], (await m.rates(lastMonth, {}))[0]);
  if (month.closed === 0 && previous.closed === 0) return null;
  const streets = (await m.rates(thisMonth, { place: "street" })).filter((r) => r.place_id != null).map((r) => ({
    placeId: String(r.place_id),
    name: name(r.place_id),
    satisfaction: rate(r.satisfaction_rate),
    rated: num(r.rated),
  }));
  return { month, previous, monthStart: windows.monthStart, previousMonthStart: windows.previousMonthStart, streets };
}

async function priorityScene({ db, name }: Context): Promise<PrioritySceneData | null> {
  const rows = await metrics(db).priorityList({});
  if (rows.length === 0) return null;
  const spots = await hotspots(db, { level: "compound", distance: COMPOUND_NEIGHBOUR_METRES });
  const classOf = new Map(spots.map((s) => [s.id, s.class]));
  return {
    rows: rows.slice(0, LIST_ROWS.priority).map((r) => ({
      compoundId: String(r.compound_id),
      name: String(r.name),
      street: name(r.street_id),
      ticketRate: num(r.ticket_rate),
      coverage: rate(r.coverage),
      hotspot: classOf.get(String(r.compound_id)) ?? "none",
    })),
    ticketRateThreshold: num(rows[0].ticket_rate_q3),
    coverageMedian: num(rows[0].coverage_median),
  };
}

async function closuresScene({ db }: Context): Promise<ClosureRow[] | null> {
  const rows = await db.query(recentClosuresSql(LIST_ROWS.closures));
  return rows.length
    ? rows.map((r) => ({
      ticketId: String(r.ticket_id),
      closedAt: num(r.closed_at),
      community: String(r.community ?? "—"),
      compound: String(r.compound ?? "—"),
      category: String(r.category ?? "—"),
      status: String(r.status_source ?? "—"),
      resolvedLevel: r.resolved_level == null ? null : String(r.resolved_level),
      callbackResult: r.callback_result == null ? null : String(r.callback_result),
    }))
    : null;
}

/**
 * The week's surges (strongest first) and how many tickets recur or risk their deadline;
 * null only when there is none of the three (a week without surges still has the others).
 */
async function alertsScene({ db }: Context): Promise<AlertSummary | null> {
  const summary = summariseAlerts(await db.query(ALERTS_LIST_SQL));
  if (!summary.surges.length && !summary.recurrences && !summary.deadlineRisks) return null;
  return { ...summary, surges: summary.surges.slice(0, LIST_ROWS.alerts) };
}

const LOADERS: { [K in SceneId]: (ctx: Context) => Promise<SceneData[K] | null> } = {
  alerts: alertsScene,
  map: mapScene,
  ranking: rankingScene,
  backlog: backlogScene,
  callbacks: callbacksScene,
  priority: priorityScene,
  closures: closuresScene,
};

/** The figures of every scene in the playlist, one query at a time (the page has one connection). */
export async function loadWallData(
  db: Connector,
  config: WallConfig,
  utcOffsetHours = UTC_OFFSET_HOURS,
): Promise<WallData> {
  const [{ as_of: asOf }] = await db.query<{ as_of: number | null }>(DATA_AS_OF_SQL);
  if (asOf == null) return { asOf: null, scenes: Object.fromEntries(config.scenes.map((s) => [s, null])) };
  let backlog: Promise<Row[]> | undefined;
  const ctx: Context = {
    db,
    config,
    windows: asOfWindows(asOf, utcOffsetHours),
    name: nameLookup(await db.query<{ id: unknown; name: unknown }>(PLACE_NAMES_SQL)),
    backlog: () => backlog ??= metrics(db).backlog({}, {}),
  };
  const scenes: WallData["scenes"] = {};
  for (const scene of new Set(config.scenes)) {
    (scenes as Record<SceneId, unknown>)[scene] = await LOADERS[scene](ctx);
  }
  return { asOf, scenes };
}
