/**
 * Events planted in a generated district, so the early warning can be validated against
 * a known truth rather than assumed to work: surges of a known size, place, category and
 * onset; a leak that keeps coming back after each closing; a team that takes three times
 * as long. Applied after the generator, to copies of its tables, so a district without a
 * plan is byte for byte what it was, and with one it differs only by the planted events.
 *
 * Planted tickets copy the places, points and reporter of a ticket of the same place
 * (and category, when it has one) and get ids `GD<date>P<seq>`, apart from the daily
 * sequence.
 */
import type { Columns } from "../schema.ts";
import { DAY_MS, HOUR_MS, localDateOf, localMidnight } from "../time.ts";
import type { Random } from "./random.ts";

export interface PlantedSurge {
  level: "street" | "community" | "compound";
  placeId: string;
  category: string;
  /** Local date of the first surge day. */
  onset: string;
  days: number;
  /** Extra tickets on each surge day. */
  perDay: number;
}

export interface PlantedLeak {
  buildingId: string;
  category: string;
  /** Local date of the first report. */
  first: string;
  /** Reports, each received `gapDays` after the previous one was closed. */
  reports: number;
  gapDays: number;
  /** Days from each report to its closing. */
  closeDays: number;
}

export interface SlowTeam {
  /** Tickets of this community settled at community level (its committee's) take `factor` times as long. */
  communityId: string;
  factor: number;
}

export interface PlantPlan {
  surges?: PlantedSurge[];
  leaks?: PlantedLeak[];
  slowTeams?: SlowTeam[];
}

type Value = string | number | boolean | null;

/** The tables with the plan's events in; the input is left as it was. */
export function plantEvents(
  tables: Record<string, Columns>,
  plan: PlantPlan,
  now: number,
  random: Random,
): Record<string, Columns> {
  const tickets: Record<string, Value[]> = Object.fromEntries(
    Object.entries(tables.tickets).map(([name, values]) => [name, [...values] as Value[]]),
  );
  const callbacks: Record<string, Value[]> = Object.fromEntries(
    Object.entries(tables.callbacks).map(([name, values]) => [name, [...values] as Value[]]),
  );
  const n = tickets.ticket_id.length;
  const dropCallbacks = new Set<string>();
  for (const team of plan.slowTeams ?? []) slowDown(tickets, n, team, now, dropCallbacks);
  if (dropCallbacks.size) {
    const keep = callbacks.ticket_id.map((id) => !dropCallbacks.has(`${id}`));
    for (const name of Object.keys(callbacks)) callbacks[name] = callbacks[name].filter((_, k) => keep[k]);
  }
  let seq = 0;
  const add = (template: number, created: number, closeAfterMs: number, category: string) => {
    const closed = created + closeAfterMs;
    for (const name of Object.keys(tickets)) tickets[name].push(tickets[name][template]);
    const i = tickets.ticket_id.length - 1;
    const date = localDateOf(created).replaceAll("-", "");
    tickets.ticket_id[i] = `GD${date}P${String(++seq).padStart(5, "0")}`;
    tickets.created_at[i] = created;
    tickets.dispatched_at[i] = created + 20 * 60_000 < now ? created + 20 * 60_000 : null;
    tickets.accepted_at[i] = created + 90 * 60_000 < now ? created + 90 * 60_000 : null;
    tickets.closed_at[i] = closed < now ? closed : null;
    tickets.status[i] = closed < now ? "closed" : "open";
    tickets.status_source[i] = closed < now ? "已办结" : "签收";
    tickets.category[i] = category;
    tickets.due_at[i] = null;
    tickets.merged_into[i] = null;
    tickets.reopened[i] = false;
    tickets.published_at[i] = null;
    if (closed >= now) tickets.resolved_level[i] = null;
    return i;
  };
  const templates = (column: string, id: string, category: string) => {
    const same: number[] = [];
    const place: number[] = [];
    for (let i = 0; i < n; i++) {
      if (tickets[column][i] !== id || tickets.merged_into[i] !== null) continue;
      place.push(i);
      if (tickets.category[i] === category) same.push(i);
    }
    if (!place.length) throw new Error(`planted event: no ticket at ${column} ${id} to copy`);
    return same.length ? same : place;
  };
  for (const surge of plan.surges ?? []) {
    const pool = templates(`${surge.level}_id`, surge.placeId, surge.category);
    const start = localMidnight(surge.onset);
    for (let d = 0; d < surge.days; d++) {
      for (let k = 0; k < surge.perDay; k++) {
        const created = start + d * DAY_MS + (8 + random() * 11) * HOUR_MS;
        if (created >= now) continue;
        add(pool[Math.floor(random() * pool.length)], created, random.uniform(1, 5) * DAY_MS, surge.category);
      }
    }
  }
  for (const leak of plan.leaks ?? []) {
    const pool = templates("building_id", leak.buildingId, leak.category);
    let created = localMidnight(leak.first) + 10 * HOUR_MS;
    for (let r = 0; r < leak.reports && created < now; r++) {
      add(pool[0], created, leak.closeDays * DAY_MS, leak.category);
      created += (leak.closeDays + leak.gapDays) * DAY_MS;
    }
  }
  return { ...tables, tickets, callbacks };
}

/**
 * Stretches handling of a community committee's tickets; those now closing after `now`
 * are open again. Their callbacks and publication are dropped rather than moved.
 */
function slowDown(tickets: Record<string, Value[]>, n: number, team: SlowTeam, now: number, dropped: Set<string>) {
  for (let i = 0; i < n; i++) {
    if (tickets.community_id[i] !== team.communityId || tickets.resolved_level[i] !== "community") continue;
    const accepted = tickets.accepted_at[i] as number;
    const closed = accepted + team.factor * ((tickets.closed_at[i] as number) - accepted);
    dropped.add(`${tickets.ticket_id[i]}`);
    tickets.published_at[i] = null;
    tickets.reopened[i] = false;
    if (closed < now) {
      tickets.closed_at[i] = closed;
    } else {
      tickets.closed_at[i] = null;
      tickets.status[i] = "open";
      tickets.status_source[i] = "签收";
      tickets.resolved_level[i] = null;
    }
  }
}
