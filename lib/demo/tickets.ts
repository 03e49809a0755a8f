/**
 * Residents' tickets over the three years before `now`. Volume follows the week
 * (fewer on days off), the season (each category's months and winter cold
 * snaps) and the platform's adoption (growing year by year); it piles up in old
 * compounds without property management and in a few problem buildings. Each
 * ticket then runs the loop received → dispatched → accepted → closed with
 * long-tailed, working-day handling times.
 *
 * Built column by column in typed arrays, and everything that depends only on
 * the building (ids, handlers, points, H3 cells) is worked out once per building,
 * so that ten million tickets stay feasible.
 */
import { latLngToCell } from "h3-js";
import type { Building } from "./buildings.ts";
import { DAY_MS, HOUR_MS, localDayNumber } from "../time.ts";
import { buildCalendar, type Calendar, dayStart, UTC_OFFSET_MS } from "./calendar.ts";
import { CATEGORIES, COMPOUND_CLASSES, type CompoundClass } from "./categories.ts";
import { toLonLat } from "./geometry.ts";
import { reporterNamePool } from "./names.ts";
import type { Organisation } from "./organisation.ts";
import type { Compound, Places } from "./places.ts";
import { aliasSampler, type Random, weightedIndex } from "./random.ts";
import { type Columns, RESOLVED_LEVELS, table, TICKET_KINDS } from "../schema.ts";

const TICKET_COLUMNS = table("tickets").columns.map((c) => c.name);

export const SOURCES = ["12345热线", "小程序", "服务站窗口", "入户走访", "楼栋党小组"] as const;
const HOTLINE = SOURCES.indexOf("12345热线");
const WINDOW = SOURCES.indexOf("服务站窗口");
const BUILDING_GROUP = SOURCES.indexOf("楼栋党小组");
/** Where tickets come from, with and without a building group to report and visit. */
const SOURCE_WEIGHTS = { grouped: [38, 24, 10, 14, 14], ungrouped: [50, 28, 14, 8, 0] };
/** Tickets known only by a written address come in by phone or at the window. */
const ADDRESS_ONLY_SOURCES = [0.75, 0, 0.25, 0, 0];

export const STATUS_SOURCES = ["已办结", "受理", "派单", "签收", "协商中", "部门呼叫中", "督办", "已并单"];
const status = (name: string) => STATUS_SOURCES.indexOf(name);
const CLOSED = status("已办结");
const MERGED = status("已并单");
const NEGOTIABLE = new Set(["物业管理", "停车", "违章搭建", "邻里纠纷", "噪声扰民"]);

const WINDOW_DAYS = 1096;
const ADDRESS_ONLY_SHARE = 0.1;
const MERGED_SHARE = 0.03;
/** Share of tickets that get stuck for months (disputes, works needing funds). */
const STUCK_SHARE = 0.004;
/** Ticket volume per household by compound class, relative to modern estates. */
const CLASS_VOLUME: Record<CompoundClass, number> = {
  oldUnmanaged: 2.4,
  oldManaged: 1.6,
  modern: 1,
  resettlement: 1.3,
};
/** Handling time multiplier by the level a ticket is settled at. */
const LEVEL_DAYS = [0.5, 0.8, 1.2, 1.8, 2.5];
/** Level weight multipliers: a building group settles things in the building. */
const LEVEL_WITH_GROUP = [1.5, 1.1, 1, 1, 1];
const LEVEL_WITHOUT_GROUP = [0.5, 1, 1.2, 1.2, 1.1];
/** Ticket volume by local hour of day: office hours, a lunch dip, an evening tail. */
const HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2.5, 5, 7, 7.5, 6.5, 4, 4.5, 6.5, 7, 6.5, 5, 3.5, 3.5, 3, 2, 1, 0.5];
const DAY_KIND_VOLUME = { working: 1, weekend: 0.6, holiday: 0.45 };
/** Candidate report locations per building, drawn within its footprint. */
const POINTS_PER_BUILDING = 12;
const MINUTE = 60_000;
const OLD_UNMANAGED = COMPOUND_CLASSES.indexOf("oldUnmanaged");

export function compoundClass(c: Compound): CompoundClass {
  if (c.type !== "old") return c.type;
  return c.hasPropertyManagement ? "oldManaged" : "oldUnmanaged";
}

/** Tickets in typed arrays, one entry per ticket, in order of creation. NaN or -1 stands for null. */
export interface TicketDraft {
  count: number;
  now: number;
  day: Int32Array;
  created: Float64Array;
  dispatched: Float64Array;
  accepted: Float64Array;
  closed: Float64Array;
  due: Float64Array;
  building: Int32Array;
  category: Uint8Array;
  kind: Uint8Array;
  source: Uint8Array;
  level: Int8Array;
  statusSource: Uint8Array;
  /** Index into the building's candidate points; -1 when only an address is known. */
  point: Int8Array;
  withAddress: Uint8Array;
  household: Int32Array;
  description: Uint8Array;
  mergedInto: Int32Array;
  /** Handling time in working days, which callbacks take into account. */
  workingDays: Float32Array;
  classOf: Uint8Array;
}

/** Cold snaps: three a winter, three to five days each, between December and mid-February. */
function coldSnapDays(firstDay: number, lastDay: number, random: Random): Set<number> {
  const days = new Set<number>();
  const firstYear = new Date(dayStart(firstDay) + UTC_OFFSET_MS).getUTCFullYear();
  for (let year = firstYear - 1; year <= firstYear + 4; year++) {
    const december = Date.UTC(year, 11, 1) / DAY_MS;
    for (let k = 0; k < 3; k++) {
      const start = december + random.int(0, 72);
      const length = random.int(3, 5);
      for (let d = start; d < start + length; d++) if (d >= firstDay && d <= lastDay) days.add(d);
    }
  }
  return days;
}

/** Per day: how many tickets, and the category mix for each compound class. */
function dailyRhythm(calendar: Calendar, firstDay: number, days: number, classShares: number[], random: Random) {
  const snaps = coldSnapDays(firstDay, firstDay + days - 1, random);
  const C = CATEGORIES.length;
  const volume = new Float64Array(days);
  const mix = new Float64Array(days * COMPOUND_CLASSES.length * C);
  for (let i = 0; i < days; i++) {
    const day = firstDay + i;
    const month = new Date(dayStart(day) + UTC_OFFSET_MS).getUTCMonth();
    const snap = snaps.has(day);
    let total = 0;
    CATEGORIES.forEach((cat, c) => {
      const base = cat.weight * cat.months[month] * (snap ? cat.coldSnap : 1);
      classShares.forEach((share, k) => {
        const w = base * cat.classes[k];
        mix[(i * COMPOUND_CLASSES.length + k) * C + c] = w;
        total += share * w;
      });
    });
    // The platform gains users over the three years.
    const adoption = 0.8 + 0.4 * (i / days);
    volume[i] = total * DAY_KIND_VOLUME[calendar.kind(day)] * adoption;
  }
  return { volume, mix };
}

function drawCategory(mix: Float64Array, day: number, cls: number, u: number): number {
  const C = CATEGORIES.length;
  const at = (day * COMPOUND_CLASSES.length + cls) * C;
  let total = 0;
  for (let c = 0; c < C; c++) total += mix[at + c];
  let x = u * total;
  for (let c = 0; c < C; c++) {
    x -= mix[at + c];
    if (x < 0) return c;
  }
  return C - 1;
}

export interface BuildingProfiles {
  classOf: Uint8Array;
  grouped: Uint8Array;
  /** Category a problem building keeps generating, or -1. */
  pinned: Int8Array;
  weight: Float64Array;
  perFloor: Uint8Array;
  householdOffset: Int32Array;
  totalHouseholds: number;
  lon: Float64Array;
  lat: Float64Array;
  h3: [string[], string[], string[]];
}

function profileBuildings(
  buildings: Building[],
  compounds: Compound[],
  org: Organisation,
  random: Random,
): BuildingProfiles {
  const n = buildings.length;
  const K = POINTS_PER_BUILDING;
  const p: BuildingProfiles = {
    classOf: new Uint8Array(n),
    grouped: new Uint8Array(n),
    pinned: new Int8Array(n).fill(-1),
    weight: new Float64Array(n),
    perFloor: new Uint8Array(n),
    householdOffset: new Int32Array(n),
    totalHouseholds: 0,
    lon: new Float64Array(n * K),
    lat: new Float64Array(n * K),
    h3: [new Array(n * K), new Array(n * K), new Array(n * K)],
  };
  buildings.forEach((b, i) => {
    const compound = compounds[b.compound];
    const cls = compoundClass(compound);
    p.classOf[i] = COMPOUND_CLASSES.indexOf(cls);
    p.grouped[i] = org.groupOf[i] ? 1 : 0;
    const problem = random.chance(0.04);
    if (problem) p.pinned[i] = random.int(0, CATEGORIES.length - 1);
    p.weight[i] = b.households * CLASS_VOLUME[cls] * (org.branchOf[b.compound] ? 1 : 1.25) *
      random.logNormal(1, 0.6) * (problem ? 3 : 1);
    p.perFloor[i] = b.households / (b.floors * b.units);
    p.householdOffset[i] = p.totalHouseholds;
    p.totalHouseholds += b.households;
    const [x0, y0, x1, y1] = b.rect;
    for (let k = 0; k < K; k++) {
      // Point 0 is the centre, used for the cells of address-only tickets.
      const x = k === 0 ? (x0 + x1) / 2 : random.uniform(x0 + 1, x1 - 1);
      const y = k === 0 ? (y0 + y1) / 2 : random.uniform(y0 + 1, y1 - 1);
      const [lon, lat] = toLonLat([x, y]);
      p.lon[i * K + k] = lon;
      p.lat[i * K + k] = lat;
      [7, 8, 9].forEach((res, r) => p.h3[r][i * K + k] = latLngToCell(lat, lon, res));
    }
  });
  return p;
}

function classShares(profiles: BuildingProfiles): number[] {
  const shares = COMPOUND_CLASSES.map(() => 0);
  let total = 0;
  profiles.weight.forEach((w, i) => {
    shares[profiles.classOf[i]] += w;
    total += w;
  });
  return shares.map((s) => s / total);
}

export function draftTickets(
  places: Places,
  buildings: Building[],
  org: Organisation,
  count: number,
  now: number,
  random: Random,
): { draft: TicketDraft; profiles: BuildingProfiles; calendar: Calendar; firstDay: number } {
  const profiles = profileBuildings(buildings, places.compounds, org, random);
  const start = now - WINDOW_DAYS * DAY_MS;
  const firstDay = localDayNumber(start);
  const days = localDayNumber(now - 1) - firstDay + 1;
  const calendar = buildCalendar(firstDay, firstDay + days + 400);
  const { volume, mix } = dailyRhythm(calendar, firstDay, days, classShares(profiles), random);

  const perDay = new Int32Array(days);
  const drawDay = aliasSampler(volume);
  for (let i = 0; i < count; i++) perDay[drawDay(random())]++;
  const drawBuilding = aliasSampler(profiles.weight);
  const drawHour = aliasSampler(HOURS);

  const t: TicketDraft = {
    count,
    now,
    day: new Int32Array(count),
    created: new Float64Array(count),
    dispatched: new Float64Array(count),
    accepted: new Float64Array(count),
    closed: new Float64Array(count),
    due: new Float64Array(count).fill(NaN),
    building: new Int32Array(count),
    category: new Uint8Array(count),
    kind: new Uint8Array(count),
    source: new Uint8Array(count),
    level: new Int8Array(count),
    statusSource: new Uint8Array(count),
    point: new Int8Array(count),
    withAddress: new Uint8Array(count),
    household: new Int32Array(count),
    description: new Uint8Array(count),
    mergedInto: new Int32Array(count).fill(-1),
    workingDays: new Float32Array(count),
    classOf: new Uint8Array(count),
  };
  // Recent tickets a duplicate report can be merged into: about two days' worth.
  const recent = new Int32Array(Math.max(50, Math.ceil((2 * count) / days)));
  let recentSize = 0;
  let i = 0;
  for (let d = 0; d < days; d++) {
    const times = new Float64Array(perDay[d]);
    for (let k = 0; k < times.length; k++) {
      let time: number;
      do time = dayStart(firstDay + d) + (drawHour(random()) + random()) * HOUR_MS; while (
        time < start || time >= now
      );
      times[k] = time;
    }
    times.sort();
    for (const time of times) {
      t.day[i] = d;
      t.created[i] = time;
      if (recentSize > 0 && random.chance(MERGED_SHARE)) {
        mergeDuplicate(t, i, recent[Math.floor(random() * Math.min(recentSize, recent.length))], profiles, random);
      } else {
        fillTicket(t, i, drawBuilding(random()), mix, profiles, calendar, random);
        recent[recentSize++ % recent.length] = i;
      }
      i++;
    }
  }
  return { draft: t, profiles, calendar, firstDay };
}

/** A household of the building, as a global index across all buildings' households. */
function drawHousehold(profiles: BuildingProfiles, b: number, u: number): number {
  const from = profiles.householdOffset[b];
  const to = profiles.householdOffset[b + 1] ?? profiles.totalHouseholds;
  return from + Math.floor(u * (to - from));
}

/** A second report of a problem already reported: same building and category, closed by merging. */
function mergeDuplicate(t: TicketDraft, i: number, into: number, profiles: BuildingProfiles, random: Random) {
  const b = t.building[into];
  t.building[i] = b;
  t.category[i] = t.category[into];
  t.kind[i] = t.kind[into];
  t.source[i] = HOTLINE;
  t.classOf[i] = t.classOf[into];
  t.mergedInto[i] = into;
  t.level[i] = -1;
  t.statusSource[i] = MERGED;
  t.dispatched[i] = NaN;
  t.accepted[i] = NaN;
  t.closed[i] = Math.min(t.created[i] + random.logNormal(40 * MINUTE, 0.8), t.now);
  t.point[i] = random.chance(ADDRESS_ONLY_SHARE) ? -1 : 1 + random.int(0, POINTS_PER_BUILDING - 2);
  t.withAddress[i] = 1;
  t.household[i] = drawHousehold(profiles, b, random());
  t.description[i] = random.int(0, CATEGORIES[t.category[i]].descriptions.length - 1);
}

/** An ordinary ticket: where, what, how it came in, and how its handling went. */
function fillTicket(
  t: TicketDraft,
  i: number,
  b: number,
  mix: Float64Array,
  profiles: BuildingProfiles,
  calendar: Calendar,
  random: Random,
) {
  const cls = profiles.classOf[b];
  const pinned = profiles.pinned[b];
  const c = pinned >= 0 && random.chance(0.45) ? pinned : drawCategory(mix, t.day[i], cls, random());
  const cat = CATEGORIES[c];
  const grouped = profiles.grouped[b] === 1;
  t.building[i] = b;
  t.category[i] = c;
  t.classOf[i] = cls;
  t.kind[i] = weightedIndex(cat.kinds, random());
  t.description[i] = random.int(0, cat.descriptions.length - 1);
  t.household[i] = drawHousehold(profiles, b, random());
  const addressOnly = random.chance(ADDRESS_ONLY_SHARE);
  const source = weightedIndex(
    addressOnly ? ADDRESS_ONLY_SOURCES : grouped ? SOURCE_WEIGHTS.grouped : SOURCE_WEIGHTS.ungrouped,
    random(),
  );
  t.source[i] = source;
  t.point[i] = addressOnly ? -1 : 1 + random.int(0, POINTS_PER_BUILDING - 2);
  // Callers and window visitors give an address; app reports and visits carry a location.
  t.withAddress[i] = addressOnly || ((source === HOTLINE || source === WINDOW) && random.chance(0.7)) ? 1 : 0;

  const ladder = grouped ? LEVEL_WITH_GROUP : LEVEL_WITHOUT_GROUP;
  const level = weightedIndex(cat.levels.map((w, k) => w * ladder[k]), random());
  const created = t.created[i];
  const hour = Math.floor(((created + UTC_OFFSET_MS) % DAY_MS) / HOUR_MS);
  // Night-time reports wait for the morning shift to be dispatched.
  const dispatched = hour >= 8 && hour < 20
    ? created + random.logNormal(25 * MINUTE, 0.9)
    : dayStart(localDayNumber(created) + (hour >= 20 ? 1 : 0)) + 8 * HOUR_MS + random.logNormal(20 * MINUTE, 0.8);
  const accepted = dispatched + random.logNormal(80 * MINUTE, 1);
  const stuck = random.chance(STUCK_SHARE) ? random.uniform(15, 40) : 1;
  const workingDays = random.logNormal(cat.medianDays * LEVEL_DAYS[level] * (cls === OLD_UNMANAGED ? 1.25 : 1), 0.7) *
    stuck;
  let closed = calendar.addWorkingDays(accepted, workingDays);
  if (closed < accepted + 15 * MINUTE) closed = accepted + Math.max(15 * MINUTE, workingDays * 9 * HOUR_MS);
  t.workingDays[i] = workingDays;
  const dueChance = source === HOTLINE ? 0.85 : 0.25;
  if (random.chance(dueChance)) {
    const complex = cat.medianDays >= 5 || level >= 2;
    // The deadline is the end of office hours on the last working day.
    t.due[i] = calendar.addWorkingDays(created, (complex ? 15 : 7) + 0.999);
  }

  const now = t.now;
  t.level[i] = level;
  t.dispatched[i] = dispatched < now ? dispatched : NaN;
  t.accepted[i] = accepted < now ? accepted : NaN;
  t.closed[i] = closed < now ? closed : NaN;
  if (closed < now) {
    t.statusSource[i] = CLOSED;
  } else if (dispatched >= now) {
    t.statusSource[i] = status("受理");
  } else if (accepted >= now) {
    t.statusSource[i] = status("派单");
  } else if (level >= RESOLVED_LEVELS.indexOf("street")) {
    t.statusSource[i] = status("部门呼叫中");
  } else if (t.due[i] < now) {
    t.statusSource[i] = status("督办");
  } else {
    t.statusSource[i] = status(NEGOTIABLE.has(cat.name) && random.chance(0.5) ? "协商中" : "签收");
  }
}

/** Mixes a household number into well-spread bits, so its reporter's name and phone are stable. */
function hash(n: number, salt: number): number {
  let h = Math.imul(n ^ salt, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Turns the draft into the tickets table, sharing per-building and per-household strings. */
export function ticketColumns(
  t: TicketDraft,
  profiles: BuildingProfiles,
  places: Places,
  buildings: Building[],
  org: Organisation,
  firstDay: number,
  reopened: Uint8Array,
  random: Random,
): Columns {
  const { compounds } = places;
  const n = t.count;
  const K = POINTS_PER_BUILDING;
  const handlers = buildings.map((b, i) => {
    const c = compounds[b.compound];
    return [
      org.groupOf[i] ? `${c.name}${org.groupOf[i]}` : `${c.name}${b.name}楼栋长`,
      org.branchNameOf[b.compound] ??
        (c.hasPropertyManagement ? `${c.name}物业服务中心` : `${c.community.name}${c.grid.name}网格员`),
      `${c.community.name}居委会`,
    ];
  });
  const streetIndex = buildings.map((b) => places.streets.indexOf(compounds[b.compound].street));
  const streetHandlers = places.streets.map((s) => CATEGORIES.map((cat) => `${s.name}${cat.streetOffice}`));
  const names = reporterNamePool(random, 5000);
  const salt = random.int(1, 0x7fffffff);
  const householdNames: string[] = new Array(profiles.totalHouseholds);
  const phones: string[] = new Array(profiles.totalHouseholds);
  const addresses: string[] = new Array(profiles.totalHouseholds);
  const address = (h: number, b: number) => {
    const building = buildings[b];
    const index = h - profiles.householdOffset[b];
    const perFloor = profiles.perFloor[b];
    const room = (index % perFloor) + 1;
    const floor = (Math.floor(index / perFloor) % building.floors) + 1;
    const unit = Math.floor(index / (perFloor * building.floors)) + 1;
    return `${compounds[building.compound].name}${building.name}${unit}单元${floor}${pad(room, 2)}`;
  };
  const ymd = (d: number) =>
    new Date(dayStart(firstDay + d) + UTC_OFFSET_MS).toISOString().slice(0, 10).replaceAll("-", "");

  const columns: Columns = Object.fromEntries(TICKET_COLUMNS.map((name) => [name, new Array(n)]));
  const col = (name: string) => {
    if (!columns[name]) throw new Error(`tickets has no column "${name}"`);
    return columns[name];
  };
  const id = col("ticket_id");
  const created = col("created_at");
  const dispatched = col("dispatched_at");
  const accepted = col("accepted_at");
  const closed = col("closed_at");
  const due = col("due_at");
  const statusCol = col("status");
  const statusSourceCol = col("status_source");
  const kind = col("kind");
  const category = col("category");
  const source = col("source");
  const description = col("description");
  const addressCol = col("address");
  const reporterName = col("reporter_name");
  const reporterPhone = col("reporter_phone");
  const lon = col("lon");
  const lat = col("lat");
  const buildingId = col("building_id");
  const compoundId = col("compound_id");
  const gridId = col("grid_id");
  const communityId = col("community_id");
  const streetId = col("street_id");
  const h3r7 = col("h3_r7");
  const h3r8 = col("h3_r8");
  const h3r9 = col("h3_r9");
  const resolvedLevel = col("resolved_level");
  const handler = col("handler");
  const mergedInto = col("merged_into");
  const reopenedCol = col("reopened");
  const orNull = (v: number) => (Number.isNaN(v) ? null : v);
  let dayOfSeq = -1;
  let dayPrefix = "";
  let seq = 0;
  for (let i = 0; i < n; i++) {
    if (t.day[i] !== dayOfSeq) {
      dayOfSeq = t.day[i];
      dayPrefix = `GD${ymd(dayOfSeq)}`;
      seq = 0;
    }
    id[i] = dayPrefix + pad(++seq, 6);
    const b = t.building[i];
    const building = buildings[b];
    const compound = compounds[building.compound];
    const cat = CATEGORIES[t.category[i]];
    created[i] = t.created[i];
    dispatched[i] = orNull(t.dispatched[i]);
    accepted[i] = orNull(t.accepted[i]);
    closed[i] = orNull(t.closed[i]);
    due[i] = orNull(t.due[i]);
    const isClosed = t.statusSource[i] === CLOSED || t.statusSource[i] === MERGED;
    statusCol[i] = isClosed ? "closed" : "open";
    statusSourceCol[i] = STATUS_SOURCES[t.statusSource[i]];
    kind[i] = TICKET_KINDS[t.kind[i]];
    category[i] = cat.name;
    source[i] = SOURCES[t.source[i]];
    description[i] = cat.descriptions[t.description[i]];
    const h = t.household[i];
    addressCol[i] = t.withAddress[i] ? (addresses[h] ??= address(h, b)) : null;
    const anonymous = t.source[i] === BUILDING_GROUP;
    reporterName[i] = anonymous ? null : (householdNames[h] ??= names[hash(h, salt) % names.length]);
    reporterPhone[i] = anonymous ? null : (phones[h] ??= fakePhone(hash(h, salt ^ 0x5bd1e995)));
    const point = t.point[i];
    lon[i] = point < 0 ? null : profiles.lon[b * K + point];
    lat[i] = point < 0 ? null : profiles.lat[b * K + point];
    const cell = b * K + Math.max(0, point);
    h3r7[i] = profiles.h3[0][cell];
    h3r8[i] = profiles.h3[1][cell];
    h3r9[i] = profiles.h3[2][cell];
    buildingId[i] = building.id;
    compoundId[i] = compound.id;
    gridId[i] = compound.grid.id;
    communityId[i] = compound.community.id;
    streetId[i] = compound.street.id;
    const level = t.level[i];
    resolvedLevel[i] = t.statusSource[i] === CLOSED ? RESOLVED_LEVELS[level] : null;
    handler[i] = level < 0
      ? null
      : level < 3
      ? handlers[b][level]
      : level === 3
      ? streetHandlers[streetIndex[b]][t.category[i]]
      : cat.department;
    mergedInto[i] = t.mergedInto[i] < 0 ? null : id[t.mergedInto[i]];
    reopenedCol[i] = reopened[i] === 1;
  }
  return columns;
}

/** Eleven digits on a mobile prefix; generated, so they belong to nobody on record. */
function fakePhone(h: number): string {
  const prefixes = ["135", "138", "139", "150", "158", "177", "186", "189"];
  return prefixes[h % prefixes.length] + pad((h >>> 3) % 100_000_000, 8);
}
