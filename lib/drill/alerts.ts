/**
 * The map's alerts layer and the place panel's 预警 section: the `alerts` view's rows
 * (lib/alerts/present.ts) placed on the drill ladder. A surge belongs to its series'
 * place; a recurrence or a deadline risk to its building (or compound). Each counts for
 * its place and every place above it, so a street is marked when anything in it is.
 */
import type { Row } from "../db/connector.ts";
import { summariseAlerts, type SurgeLine } from "../alerts/present.ts";
import { parentLevel, type PlaceIndex, type PlaceInfo } from "./path.ts";
import type { PlaceRef } from "./state.ts";

export interface PlaceAlerts {
  /** The place's own series (the district's at the district), strongest first. */
  own: SurgeLine[];
  /** Series of the places inside it, strongest first. */
  inside: SurgeLine[];
  /** Tickets reported again after closing, most times first. */
  recurrences: Row[];
  /** Open tickets likely to miss their deadline. */
  deadlineRisks: number;
}

/** The rows a category filter keeps: all-categories surges only without one. */
export function alertsOfCategories(rows: Row[], categories: string[] | null): Row[] {
  if (!categories) return rows;
  const wanted = new Set(categories);
  return rows.filter((r) => r.category != null && wanted.has(String(r.category)));
}

/** `level:id` of the row's place and of every place above it on the ladder. */
export function ladderOf(index: PlaceIndex, row: Row): Set<string> {
  const keys = new Set<string>();
  let level = String(row.level) as PlaceInfo["level"];
  let id: string | null = row.place_id == null ? null : String(row.place_id);
  while (id !== null) {
    keys.add(`${level}:${id}`);
    // A street's parent is the district, which every alert's ladder ends at anyway.
    if (["street", "district"].includes(level)) break;
    id = index.get(`${level}:${id}`)?.parent ?? null;
    level = parentLevel(level) as PlaceInfo["level"];
  }
  return keys;
}

/** Alerts in each place of `level`: surging series, recurrences and deadline risks together. */
export function alertCounts(rows: Row[], index: PlaceIndex, level: PlaceInfo["level"]): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.alert_kind === "surge") {
      // A series alerts on several days and at both grains: it is one alert.
      const series = `${r.level}|${r.place_id}|${r.category}`;
      if (seen.has(series)) continue;
      seen.add(series);
    }
    for (const key of ladderOf(index, r)) {
      if (!key.startsWith(`${level}:`)) continue;
      const id = key.slice(level.length + 1);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/** What the panel lists for a place; `null`: the whole district. */
export function placeAlerts(rows: Row[], index: PlaceIndex, place: PlaceRef | null): PlaceAlerts {
  const key = place && `${place.level}:${place.id}`;
  const within = key ? rows.filter((r) => ladderOf(index, r).has(key)) : rows;
  const isOwn = (s: SurgeLine) => key ? `${s.level}:${s.placeId}` === key : s.level === "district";
  const surges = summariseAlerts(within).surges;
  return {
    own: surges.filter(isOwn),
    inside: surges.filter((s) => !isOwn(s)),
    recurrences: within.filter((r) => r.alert_kind === "recurrence")
      .sort((a, b) => Number(b.observed) - Number(a.observed) || Number(b.period_start) - Number(a.period_start)),
    deadlineRisks: within.filter((r) => r.alert_kind === "deadline_risk").length,
  };
}
