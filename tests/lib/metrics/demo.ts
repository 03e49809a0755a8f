/**
 * The demo district for the metric families' tests, with golden values computed here by
 * plain loops over the generated columns and the TypeScript calendar, independently of
 * the view and the SQL builders.
 */
import assert from "node:assert/strict";
import { addWorkdays, workdaysBetween } from "../../../lib/calendar/calendar.ts";
import { dateOfDayNumber, DAY_MS, HOUR_MS } from "../../../lib/time.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { DEFAULT_CONFIG } from "../../../lib/metrics/deadlines.ts";
import { metrics } from "../../../lib/metrics/runner.ts";
import { createViews } from "../../../lib/metrics/views.ts";
import { TABLES } from "../../../lib/schema.ts";
import { columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";

export const demo = generateDemo({ tickets: 5000 });
export const demoDb = await openDenoDuckDB();
for (const t of TABLES) await demoDb.insertArrowStream(t.name, tableToStream(columnsToArrow(t, demo[t.name])));
await createViews(demoDb);
export const demoMetrics = metrics(demoDb);

export const DAY = DAY_MS;
export const HOUR = HOUR_MS;
export const OFFSET = DEFAULT_CONFIG.utcOffsetHours * HOUR;
export const localIso = (ms: number) => dateOfDayNumber(Math.floor((ms + OFFSET) / DAY));
export const endOfLocal = (iso: string) => Date.parse(`${iso}T00:00:00Z`) + DAY - OFFSET;

export const T = demo.tickets as Record<string, (string | number | boolean | null)[]>;
export const n = T.ticket_id.length;
export const num = (column: string, i: number) => T[column][i] as number | null;
export const str = (column: string, i: number) => T[column][i] as string | null;
export const asOf = Math.max(...(T.created_at as number[]));

assert.ok(DEFAULT_CONFIG.resolution.rules.every((r) => r.kind === undefined), "the loops below match categories only");
export const ruleDays = (category: string | null) =>
  DEFAULT_CONFIG.resolution.rules.find((r) => r.category === category)?.workdays ??
    DEFAULT_CONFIG.resolution.defaultWorkdays;

export const callbacks = new Map<
  string,
  { first: number; last: number; result: string | null; unsatisfied: boolean }
>();
demo.callbacks.ticket_id.forEach((id, k) => {
  const at = demo.callbacks.called_at[k] as number;
  const result = demo.callbacks.result[k] as string | null;
  const c = callbacks.get(id as string) ?? { first: at, last: -Infinity, result: null, unsatisfied: false };
  c.first = Math.min(c.first, at);
  if (result !== null && at > c.last) [c.last, c.result] = [at, result];
  c.unsatisfied ||= result === "unsatisfied";
  callbacks.set(id as string, c);
});

/** Each ticket's derived facts, by the definitions in docs/metrics.md. */
export const facts = Array.from({ length: n }, (_, i) => {
  const created = num("created_at", i)!;
  const closedAt = num("closed_at", i);
  const merged = str("merged_into", i) !== null;
  const closed = str("status", i) === "closed";
  const due = num("due_at", i) ?? endOfLocal(addWorkdays(localIso(created), ruleDays(str("category", i))));
  const responseAt = num("dispatched_at", i) ?? num("accepted_at", i);
  const cb = callbacks.get(str("ticket_id", i)!);
  let callbackDue = NaN;
  if (closedAt !== null) {
    const [y, mo] = localIso(closedAt).split("-").map(Number);
    callbackDue = endOfLocal(dateOfDayNumber(Date.UTC(y, mo, DEFAULT_CONFIG.callbackDayOfNextMonth) / DAY));
  }
  const decided = (value: boolean | null) => (merged ? null : value);
  return {
    id: str("ticket_id", i)!,
    street: str("street_id", i)!,
    building: str("building_id", i)!,
    category: str("category", i)!,
    created,
    merged,
    closed,
    open: !closed,
    due,
    onTime: decided(closed ? closedAt! <= due : asOf > due ? false : null),
    overdue: !closed && asOf > due,
    responded: decided(
      responseAt !== null
        ? responseAt - created <= DEFAULT_CONFIG.responseHours * HOUR
        : asOf - created > DEFAULT_CONFIG.responseHours * HOUR
        ? false
        : null,
    ),
    hours: closedAt === null ? null : (closedAt - created) / HOUR,
    workdays: closedAt === null ? null : workdaysBetween(localIso(created), localIso(closedAt)),
    result: cb?.result ?? null,
    calledBack: cb !== undefined,
    unsatisfied: cb?.unsatisfied ?? false,
    calledBackInTime: merged || !closed ? null : cb ? cb.first < callbackDue : asOf >= callbackDue ? false : null,
    reopened: T.reopened[i] === true,
    level: str("resolved_level", i),
    ageDays: closed ? null : (asOf - created) / DAY,
  };
});
export type Fact = typeof facts[number];
export const handled = facts.filter((f) => !f.merged);

export const closeTo = (actual: unknown, expected: number | null, label = "") => {
  if (expected === null) return assert.equal(actual, null, label);
  assert.ok(
    Math.abs((actual as number) - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${label}: ${actual} ≠ ${expected}`,
  );
};
export const share = (list: Fact[], yes: (f: Fact) => boolean | null) => {
  const decided = list.filter((f) => yes(f) !== null);
  return decided.length ? decided.filter(yes).length / decided.length : null;
};
export const quantile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo] + (pos - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]);
};
export const streets = [...new Set(facts.map((f) => f.street))].sort();
export const inStreet = (list: Fact[], s: string) => list.filter((f) => f.street === s);
