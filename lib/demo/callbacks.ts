/**
 * Callbacks (回访): most closed tickets are called back in the monthly round,
 * which checks the previous month's closed items by the 20th; some hotline-style
 * callbacks come within days of closing. Satisfaction drops with slow handling,
 * escalation and old unmanaged compounds, and an unsatisfied callback reopens
 * the ticket in a good share of cases.
 */
import type { Calendar } from "./calendar.ts";
import { DAY_MS, HOUR_MS } from "../time.ts";
import { dayStart, UTC_OFFSET_MS } from "./calendar.ts";
import { COMPOUND_CLASSES } from "./categories.ts";
import { type Random, weightedIndex } from "./random.ts";
import { CALLBACK_RESULTS, type Columns, RESOLVED_LEVELS } from "../schema.ts";
import type { TicketDraft } from "./tickets.ts";

const CALLED_BACK_SHARE = 0.93;
const QUICK_SHARE = 0.15;
/** Share of the monthly round that slips past the 20th. */
const LATE_SHARE = 0.05;
const BASE_UNSATISFIED = 0.045;
const BASE_BASIC = 0.13;
const REOPEN_SHARE = 0.4;
const CHANNELS = ["phone", "visit", "sms"];
const CHANNEL_WEIGHTS = [0.75, 0.18, 0.07];
const OLD_UNMANAGED = COMPOUND_CLASSES.indexOf("oldUnmanaged");
const BUILDING = RESOLVED_LEVELS.indexOf("building");
const DISTRICT = RESOLVED_LEVELS.indexOf("district");

export interface CallbackDraft {
  count: number;
  ticket: Int32Array;
  calledAt: Float64Array;
  result: Uint8Array;
  channel: Uint8Array;
  /** Per ticket: 1 when an unsatisfied callback reopened it. */
  reopened: Uint8Array;
}

export function draftCallbacks(t: TicketDraft, calendar: Calendar, random: Random): CallbackDraft {
  const capacity = t.count;
  const cb: CallbackDraft = {
    count: 0,
    ticket: new Int32Array(capacity),
    calledAt: new Float64Array(capacity),
    result: new Uint8Array(capacity),
    channel: new Uint8Array(capacity),
    reopened: new Uint8Array(t.count),
  };
  for (let i = 0; i < t.count; i++) {
    const closed = t.closed[i];
    if (t.mergedInto[i] >= 0 || Number.isNaN(closed) || !random.chance(CALLED_BACK_SHARE)) continue;
    const calledAt = random.chance(QUICK_SHARE)
      ? calendar.addWorkingDays(closed, random.uniform(0.5, 3))
      : monthlyRound(closed, calendar, random);
    if (calledAt >= t.now || calledAt <= closed) continue;
    let unsatisfied = BASE_UNSATISFIED;
    let basic = BASE_BASIC;
    if (t.workingDays[i] > 10) {
      unsatisfied *= 2.5;
      basic *= 1.3;
    }
    if (t.classOf[i] === OLD_UNMANAGED) unsatisfied *= 1.4;
    if (t.level[i] === BUILDING) unsatisfied *= 0.7;
    if (t.level[i] === DISTRICT) unsatisfied *= 1.3;
    const u = random();
    const result = u < unsatisfied ? 2 : u < unsatisfied + basic ? 1 : 0;
    const k = cb.count++;
    cb.ticket[k] = i;
    cb.calledAt[k] = calledAt;
    cb.result[k] = result;
    cb.channel[k] = weightedIndex(CHANNEL_WEIGHTS, random());
    if (result === 2 && random.chance(REOPEN_SHARE)) cb.reopened[i] = 1;
  }
  return cb;
}

/** A working day in the first twenty days of the month after closing, in office hours. */
function monthlyRound(closed: number, calendar: Calendar, random: Random): number {
  const local = new Date(closed + UTC_OFFSET_MS);
  const dayOfMonth = random.chance(LATE_SHARE) ? random.int(21, 28) : random.int(1, 20);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, dayOfMonth) / DAY_MS;
  while (calendar.kind(day) !== "working") day++;
  return dayStart(day) + random.uniform(9, 17.5) * HOUR_MS;
}

/** The words a callback system writes for CALLBACK_RESULTS, in their order. */
const RESULT_WORDS = ["满意", "基本满意", "不满意"];

export function callbackColumns(cb: CallbackDraft, ticketIds: unknown[]): Columns {
  const n = cb.count;
  const columns: Columns = {
    ticket_id: new Array(n),
    called_at: new Array(n),
    result: new Array(n),
    result_source: new Array(n),
    channel: new Array(n),
  };
  for (let k = 0; k < n; k++) {
    columns.ticket_id[k] = ticketIds[cb.ticket[k]];
    columns.called_at[k] = cb.calledAt[k];
    columns.result[k] = CALLBACK_RESULTS[cb.result[k]];
    columns.result_source[k] = RESULT_WORDS[cb.result[k]];
    columns.channel[k] = CHANNELS[cb.channel[k]];
  }
  return columns;
}
