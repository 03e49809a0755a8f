/**
 * Every metric family on the demo district, against golden values computed here by
 * plain loops over the generated columns and the TypeScript calendar, independently
 * of the view and the SQL builders.
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

const demo = generateDemo({ tickets: 5000 });
const db = await openDenoDuckDB();
for (const t of TABLES) await db.insertArrowStream(t.name, tableToStream(columnsToArrow(t, demo[t.name])));
await createViews(db);
const m = metrics(db);

const DAY = DAY_MS;
const HOUR = HOUR_MS;
const OFFSET = DEFAULT_CONFIG.utcOffsetHours * HOUR;
const localIso = (ms: number) => dateOfDayNumber(Math.floor((ms + OFFSET) / DAY));
const endOfLocal = (iso: string) => Date.parse(`${iso}T00:00:00Z`) + DAY - OFFSET;

const T = demo.tickets as Record<string, (string | number | boolean | null)[]>;
const n = T.ticket_id.length;
const num = (column: string, i: number) => T[column][i] as number | null;
const str = (column: string, i: number) => T[column][i] as string | null;
const asOf = Math.max(...(T.created_at as number[]));

assert.ok(DEFAULT_CONFIG.resolution.rules.every((r) => r.kind === undefined), "the loops below match categories only");
const ruleDays = (category: string | null) =>
  DEFAULT_CONFIG.resolution.rules.find((r) => r.category === category)?.workdays ??
    DEFAULT_CONFIG.resolution.defaultWorkdays;

const callbacks = new Map<string, { first: number; last: number; result: string | null; unsatisfied: boolean }>();
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
const facts = Array.from({ length: n }, (_, i) => {
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
type Fact = typeof facts[number];
const handled = facts.filter((f) => !f.merged);

const close = (actual: unknown, expected: number | null, label = "") => {
  if (expected === null) return assert.equal(actual, null, label);
  assert.ok(
    Math.abs((actual as number) - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${label}: ${actual} ≠ ${expected}`,
  );
};
const share = (list: Fact[], yes: (f: Fact) => boolean | null) => {
  const decided = list.filter((f) => yes(f) !== null);
  return decided.length ? decided.filter(yes).length / decided.length : null;
};
const quantile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo] + (pos - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]);
};
const streets = [...new Set(facts.map((f) => f.street))].sort();
const inStreet = (list: Fact[], s: string) => list.filter((f) => f.street === s);

Deno.test("demo: ticket_facts agrees ticket by ticket on deadlines, clocks and callbacks", async () => {
  const rows = await db.query(`SELECT ticket_id, due_at_effective, on_time, overdue_open, responded_within_rule,
    working_days_to_close, called_back_within_rule, callback_result FROM ticket_facts`);
  const byId = new Map(facts.map((f) => [f.id, f]));
  assert.equal(rows.length, n);
  for (const r of rows) {
    const f = byId.get(r.ticket_id as string)!;
    assert.deepEqual(
      [r.due_at_effective, r.on_time, r.overdue_open, r.responded_within_rule, r.working_days_to_close],
      [f.due, f.onTime, f.overdue, f.responded, f.workdays],
      f.id,
    );
    assert.deepEqual([r.called_back_within_rule, r.callback_result], [f.calledBackInTime, f.result], f.id);
  }
});

Deno.test("demo: volume per street and month on month", async () => {
  const households = new Map<string, number>();
  demo.places.level.forEach((level, i) => {
    const street = demo.places.street_id[i] as string;
    if (level === "compound") {
      households.set(street, (households.get(street) ?? 0) + (demo.places.households[i] as number));
    }
  });
  const rows = await m.volume({}, { place: "street" });
  assert.deepEqual(rows.map((r) => r.place_id), streets);
  for (const r of rows) {
    const count = inStreet(facts, r.place_id as string).length;
    assert.equal(r.tickets, count);
    close(r.per_1000_households, (1000 * count) / households.get(r.place_id as string)!, r.place_id as string);
  }
  const byMonth = new Map<string, number>();
  for (const f of facts) {
    byMonth.set(localIso(f.created).slice(0, 7), (byMonth.get(localIso(f.created).slice(0, 7)) ?? 0) + 1);
  }
  const months = await m.volume({}, { time: "month" }, { compare: "previous" });
  for (const r of months) {
    const month = dateOfDayNumber((r.period as number) / DAY).slice(0, 7);
    const [y, mo] = month.split("-").map(Number);
    const previous = dateOfDayNumber(Date.UTC(y, mo - 2, 1) / DAY).slice(0, 7);
    assert.deepEqual([r.tickets, r.previous], [byMonth.get(month), byMonth.get(previous) ?? 0], month);
  }
  assert.equal(months.length, byMonth.size);
});

Deno.test("demo: resolution times and on-time rate", async () => {
  const [r] = await m.resolution({}, {});
  const closed = handled.filter((f) => f.closed);
  assert.equal(r.closed, closed.length);
  close(r.median_hours, quantile(closed.map((f) => f.hours!), 0.5), "median");
  close(r.p90_hours, quantile(closed.map((f) => f.hours!), 0.9), "p90");
  close(r.median_working_days, quantile(closed.map((f) => f.workdays!), 0.5), "median working days");
  close(r.on_time_rate, share(handled, (f) => f.onTime), "on time");
});

Deno.test("demo: backlog and overdue list", async () => {
  const backlog = await m.backlog({}, {});
  const open = facts.filter((f) => f.open);
  assert.equal(backlog.reduce((s, r) => s + (r.open as number), 0), open.length);
  assert.equal(backlog.reduce((s, r) => s + (r.overdue as number), 0), open.filter((f) => f.overdue).length);
  const oldest = backlog.find((r) => r.bucket === 5);
  assert.equal(oldest?.open ?? 0, open.filter((f) => f.ageDays! >= 30).length);
  const overdue = await m.overdueList({}, { limit: 10_000 });
  assert.deepEqual(overdue.map((r) => r.ticket_id).sort(), open.filter((f) => f.overdue).map((f) => f.id).sort());
});

Deno.test("demo: the three rates per street", async () => {
  const rows = await m.rates({}, { place: "street" });
  for (const r of rows) {
    const list = inStreet(handled, r.place_id as string);
    close(r.response_rate, share(list, (f) => f.responded), "response");
    const due = list.filter((f) => f.due <= asOf);
    close(r.resolution_rate, due.filter((f) => f.closed && !f.reopened).length / due.length, "resolution");
    close(
      r.satisfaction_rate,
      share(list, (f) => f.result === null ? null : f.result !== "unsatisfied"),
      "satisfaction",
    );
  }
});

Deno.test("demo: callbacks", async () => {
  const [r] = await m.callbacks({}, {});
  const closed = handled.filter((f) => f.closed);
  close(r.coverage, closed.filter((f) => f.calledBack).length / closed.length, "coverage");
  close(r.timeliness, share(closed, (f) => f.calledBackInTime), "timeliness");
  close(
    r.unsatisfied_share,
    share(closed, (f) => f.result === null ? null : f.result === "unsatisfied"),
    "unsatisfied",
  );
  close(r.reopened_share, share(closed, (f) => f.unsatisfied ? f.reopened : null), "reopened");
});

Deno.test("demo: escalation per street", async () => {
  for (const r of await m.escalation({}, { place: "street" })) {
    const list = inStreet(handled, r.place_id as string).filter((f) => f.closed);
    close(
      r.within_compound_share,
      share(list, (f) => f.level === null ? null : ["building", "compound"].includes(f.level)),
    );
  }
});

Deno.test("demo: repeats and merged duplicates", async () => {
  const groups = new Map<string, number[]>();
  for (const f of handled) {
    groups.set(`${f.building}|${f.category}`, [...groups.get(`${f.building}|${f.category}`) ?? [], f.created]);
  }
  const window = DEFAULT_CONFIG.repeats.windowDays * DAY;
  const expected = [...groups].filter(([, times]) =>
    times.some((t) => times.filter((u) => u <= t && u >= t - window).length >= DEFAULT_CONFIG.repeats.minCount)
  ).map(([key]) => key).sort();
  const rows = await m.repeats({});
  assert.deepEqual(rows.map((r) => `${r.place_id}|${r.category}`).sort(), expected);
  assert.ok(expected.length > 0);
  const [merged] = await m.merged({}, {});
  assert.equal(merged.merged, facts.filter((f) => f.merged).length);
});

Deno.test("demo: coverage per street and the priority list", async () => {
  const P = demo.places;
  const compounds = P.place_id.flatMap((_, i) => P.level[i] === "compound" ? [i] : []);
  const branched = new Set(demo.branch_compounds.compound_id);
  const grouped = new Set(demo.group_buildings.building_id);
  const linked = new Map<string, number>();
  demo.member_households.building_id.forEach((b, k) =>
    linked.set(b as string, (linked.get(b as string) ?? 0) + (demo.member_households.households_linked[k] as number))
  );
  const members = new Map<string, number>();
  demo.compound_members.compound_id.forEach((c, k) =>
    members.set(c as string, (members.get(c as string) ?? 0) + (demo.compound_members.members[k] as number))
  );
  const B = demo.buildings;
  const perCompound = new Map(compounds.map((i) => {
    const id = P.place_id[i] as string;
    const buildings = B.building_id.flatMap((_, k) => B.compound_id[k] === id ? [k] : []);
    const linkedHouseholds = buildings.reduce(
      (s, k) => s + Math.min(linked.get(B.building_id[k] as string) ?? 0, B.households[k] as number),
      0,
    );
    return [id, {
      street: P.street_id[i] as string,
      households: P.households[i] as number,
      branch: branched.has(id),
      buildings: buildings.length,
      grouped: buildings.filter((k) => grouped.has(B.building_id[k])).length,
      linked: linkedHouseholds,
      members: members.get(id) ?? 0,
    }];
  }));
  for (const r of await m.coverage({}, { place: "street" })) {
    const list = [...perCompound.values()].filter((c) => c.street === r.place_id);
    const sum = (f: (c: typeof list[number]) => number) => list.reduce((s, c) => s + f(c), 0);
    close(r.compounds_with_branch_share, list.filter((c) => c.branch).length / list.length);
    close(r.buildings_with_group_share, sum((c) => c.grouped) / sum((c) => c.buildings));
    close(r.households_linked_share, sum((c) => c.linked) / sum((c) => c.households));
    close(r.members_per_100_households, (100 * sum((c) => c.members)) / sum((c) => c.households));
  }
  const tickets = new Map<string, number>();
  (T.compound_id as string[]).forEach((c) => tickets.set(c, (tickets.get(c) ?? 0) + 1));
  const scored = [...perCompound].filter(([, c]) => c.households > 0).map(([id, c]) => ({
    id,
    rate: (1000 * (tickets.get(id) ?? 0)) / c.households,
    coverage: c.linked / c.households,
  }));
  const q3 = quantile(scored.map((c) => c.rate), 0.75);
  const median = quantile(scored.map((c) => c.coverage), 0.5);
  const expected = scored.filter((c) => c.rate >= q3 && c.coverage < median).map((c) => c.id).sort();
  assert.deepEqual((await m.priorityList({})).map((r) => r.compound_id).sort(), expected);
  assert.ok(expected.length > 0);
});
