/** Every metric family on the hand-made fixture; each expected number is worked out by hand in the comments. */
import assert from "node:assert/strict";
import { at, fixtureDb } from "./fixture.ts";
import { metrics } from "../../../lib/metrics/runner.ts";
import { DAY_MS } from "../../../lib/time.ts";
import { DEFAULT_CONFIG } from "../../../lib/metrics/deadlines.ts";

const db = await fixtureDb();
const m = metrics(db);
const close = (actual: unknown, expected: number) =>
  assert.ok(Math.abs((actual as number) - expected) < 1e-9, `${actual} ≠ ${expected}`);
const pick = (rows: Record<string, unknown>[], ...names: string[]) => rows.map((r) => names.map((n) => r[n]));
const END_OF = (date: string) => at(`${date} 00:00`) + DAY_MS;

Deno.test("ticket_facts: deadlines on the working calendar, clocks, callbacks", async () => {
  const facts = await db.query(`SELECT * FROM ticket_facts ORDER BY ticket_id`);
  const by = Object.fromEntries(facts.map((f) => [f.ticket_id, f]));
  // t1: 7 working days after Thu 8 Feb are 9 (除夕, worked in 2024), 18 (make-up Sunday), 19, 20, 21, 22, 23 Feb.
  assert.equal(by.t1.due_at_effective, END_OF("2024-02-23"));
  assert.equal(by.t1.working_days_to_close, 3);
  assert.equal(by.t1.resolution_hours, 263);
  assert.equal(by.t1.response_hours, 0.5);
  assert.equal(by.t1.on_time, true);
  assert.equal(by.t1.callback_result, "satisfied");
  assert.equal(by.t1.called_back_within_rule, true);
  assert.equal(by.t1.publication_due_at, END_OF("2024-02-26"));
  // t2: 15 working days after 9 Feb end on 7 March; closed 20 March after 24 working days.
  assert.equal(by.t2.deadline_workdays, 15);
  assert.equal(by.t2.due_at_effective, END_OF("2024-03-07"));
  assert.equal(by.t2.working_days_to_close, 24);
  assert.equal(by.t2.resolution_hours, 952);
  assert.equal(by.t2.on_time, false);
  assert.equal(by.t2.responded_within_rule, false);
  assert.equal(by.t2.response_working_days, 1);
  // Closed in March: called back by 20 April; 22 April is late.
  assert.equal(by.t2.callback_due_at, END_OF("2024-04-20"));
  assert.equal(by.t2.called_back_within_rule, false);
  assert.equal(by.t2.reopened, true);
  // t3 carries its own deadline; local 1 March although UTC 29 February.
  assert.equal(by.t3.due_at_effective, at("2024-03-04 18:00"));
  assert.equal(by.t3.created_date, Date.UTC(2024, 2, 1));
  assert.equal(by.t3.called_back_within_rule, false);
  // t4: 7 working days after the make-up Sunday 28 April skip 1–5 May: due 10 May, not yet due.
  assert.equal(by.t4.due_at_effective, END_OF("2024-05-10"));
  assert.equal(by.t4.on_time, null);
  assert.equal(by.t4.overdue_open, false);
  close(by.t4.age_days, 12 + 2 / 24);
  assert.equal(by.t4.age_working_days, 7);
  // t5: 7 working days after 1 April skip 4–6 April and count the make-up Sunday 7 April: due 11 April.
  assert.equal(by.t5.due_at_effective, END_OF("2024-04-11"));
  assert.equal(by.t5.overdue_open, true);
  assert.equal(by.t5.on_time, false);
  assert.equal(by.t5.responded_within_rule, false);
  close(by.t5.age_days, 39 + 3 / 24);
  // t6 is a merged duplicate: rules do not apply to it.
  assert.deepEqual([by.t6.merged, by.t6.on_time, by.t6.responded_within_rule], [true, null, null]);
  // t8: due 20 May, counting Saturday 11 May (make-up); responded within 24 h.
  assert.equal(by.t8.due_at_effective, END_OF("2024-05-20"));
  assert.equal(by.t8.responded_within_rule, true);
  assert.equal(by.t8.as_of, at("2024-05-10 12:00"));
});

Deno.test("deadline rules: kind and category beats category beats kind", async () => {
  const config = structuredClone(DEFAULT_CONFIG);
  config.resolution.rules = [
    { kind: "enquiry", workdays: 3 },
    { kind: "complaint", category: "物业管理", workdays: 5 },
    { category: "物业管理", workdays: 10 },
  ];
  const other = await fixtureDb(config);
  const rows = await other.query(`SELECT ticket_id, deadline_workdays, due_at_effective FROM ticket_facts ORDER BY 1`);
  assert.deepEqual(pick(rows, "ticket_id", "deadline_workdays"), [
    ["t1", 5],
    ["t2", 7],
    ["t3", 3],
    ["t4", 5],
    ["t5", 7],
    ["t6", 5],
    ["t7", 5],
    ["t8", 7],
  ]);
  // 5 working days after 8 Feb: 9, 18, 19, 20, 21 Feb.
  assert.equal(rows[0].due_at_effective, END_OF("2024-02-21"));
  await other.close();
});

Deno.test("volume: tickets per 1,000 households, by street, month on month", async () => {
  assert.deepEqual(await m.volume({}, {}), [{ tickets: 8, households: 1000, per_1000_households: 8 }]);
  const streets = await m.volume({}, { place: "street" });
  assert.deepEqual(pick(streets, "place_id", "tickets", "households"), [["S1", 6, 400], ["S2", 2, 600]]);
  close(streets[0].per_1000_households, 15);
  close(streets[1].per_1000_households, 10 / 3);
  // Feb t1 t2 t6, Mar t3 t7, Apr t4 t5, May t8.
  const months = await m.volume({}, { time: "month" }, { compare: "previous" });
  assert.deepEqual(pick(months, "period", "tickets", "previous", "change", "change_rate"), [
    [Date.UTC(2024, 1, 1), 3, 0, 3, null],
    [Date.UTC(2024, 2, 1), 2, 3, -1, -1 / 3],
    [Date.UTC(2024, 3, 1), 2, 2, 0, 0],
    [Date.UTC(2024, 4, 1), 1, 2, -1, -0.5],
  ]);
  // From 1 March local: February is still counted as March's previous month.
  const fromMarch = await m.volume({ from: at("2024-03-01 00:00") }, { time: "month" }, { compare: "previous" });
  assert.deepEqual(pick(fromMarch, "tickets", "previous"), [[2, 3], [2, 2], [1, 2]]);
  const yearOnYear = await m.volume({}, { time: "year" }, { compare: "year" });
  assert.deepEqual(pick(yearOnYear, "tickets", "previous", "change"), [[8, 0, 8]]);
});

Deno.test("filters: places, lists, a quote in a category, empty lists, time range", async () => {
  const count = async (filter: Parameters<typeof m.volume>[0]) => (await m.volume(filter, {}))[0].tickets;
  assert.equal(await count({ categories: ["水'电"] }), 1);
  assert.equal(await count({ placeLevel: "compound", placeIds: ["X2"] }), 2);
  assert.equal(await count({ placeLevel: "building", placeIds: ["X1B1", "X3B1"] }), 6);
  assert.equal(await count({ placeLevel: "district", placeIds: ["D"] }), 8);
  assert.equal(await count({ statuses: ["open"], kinds: ["complaint"] }), 2);
  assert.equal(await count({ sources: ["12345热线"] }), 5);
  assert.equal(await count({ categories: [] }), 0);
  assert.equal(await count({ from: at("2024-03-01 00:00"), to: at("2024-04-28 10:00") }), 3);
  // Households follow the place filter: compound X2 has 300.
  assert.equal((await m.volume({ placeLevel: "compound", placeIds: ["X2"] }, {}))[0].households, 300);
});

Deno.test("resolution: median and p90, on-time rate, stage times", async () => {
  const [r] = await m.resolution({}, {});
  // Closed, merged t6 left out: 72, 82, 263, 952 hours; 1, 1, 3, 24 working days.
  assert.equal(r.tickets, 7);
  assert.equal(r.closed, 4);
  close(r.median_hours, 172.5);
  close(r.p90_hours, 263 + 0.7 * (952 - 263));
  close(r.median_working_days, 2);
  close(r.p90_working_days, 3 + 0.7 * 21);
  // On time: t1 t3 t7; late: t2, t5 (open, overdue); t4 t8 not yet due.
  assert.deepEqual([r.on_time, r.with_deadline, r.on_time_rate], [3, 5, 0.6]);
  close(r.median_dispatch_hours, 0.5);
  close(r.median_accept_hours, 5 / 12);
  close(r.median_handle_hours, (81 + 2 / 3 + 262) / 2);
});

Deno.test("backlog by age bucket and the overdue list", async () => {
  const backlog = await m.backlog({}, { place: "street" });
  // t5 39 days (30+, overdue), t8 0 days, t4 12 days.
  assert.deepEqual(pick(backlog, "place_id", "bucket", "open", "overdue", "age_from_days", "age_to_days"), [
    ["S1", 5, 1, 1, 30, null],
    ["S2", 0, 1, 0, 0, 1],
    ["S2", 3, 1, 0, 7, 15],
  ]);
  const overdue = await m.overdueList({});
  assert.deepEqual(pick(overdue, "ticket_id"), [["t5"]]);
  close(overdue[0].overdue_days, 28.5);
});

Deno.test("the three rates", async () => {
  const [r] = await m.rates({}, {});
  // Responded in 24 h: t1 t3 t4 t7 t8 of 7; due by now t1 t2 t3 t5 t7, resolved t1 t3 t7; rated t1 t2 t7.
  assert.deepEqual(
    [r.responded, r.response_due, r.resolved, r.due, r.resolution_rate, r.satisfied, r.rated],
    [5, 7, 3, 5, 0.6, 2, 3],
  );
  close(r.response_rate, 5 / 7);
  close(r.satisfaction_rate, 2 / 3);
  const byStreet = await m.rates({}, { place: "street" });
  assert.deepEqual(pick(byStreet, "place_id", "responded", "response_due", "due"), [["S1", 3, 5, 5], ["S2", 2, 2, 0]]);
});

Deno.test("callbacks: coverage, timeliness, unsatisfied, reopened", async () => {
  const [c] = await m.callbacks({}, {});
  // Closed t1 t2 t3 t7; called back t1 t2 t7; in time t1 t7 (t2 late, t3 never).
  assert.deepEqual(
    [c.closed, c.called_back, c.coverage, c.called_back_in_time, c.callback_due, c.timeliness],
    [4, 3, 0.75, 2, 4, 0.5],
  );
  close(c.unsatisfied_share, 1 / 3);
  assert.deepEqual([c.with_unsatisfied_callback, c.reopened_after_unsatisfied, c.reopened_share], [1, 1, 1]);
});

Deno.test("escalation: share resolved within the compound, by category", async () => {
  const [e] = await m.escalation({}, {});
  assert.deepEqual(
    [e.at_building, e.at_compound, e.at_community, e.at_street, e.at_district, e.within_compound_share],
    [2, 1, 1, 0, 0, 0.75],
  );
  const byCategory = await m.escalation({}, { category: true });
  assert.deepEqual(pick(byCategory, "category", "within_compound_share"), [["停车", 1], ["物业管理", 1], [
    "违章搭建",
    0,
  ]]);
});

Deno.test("repeats and merged duplicates", async () => {
  // X1B1 物业管理: t1 and t7, 36 days apart (t6, merged, does not count).
  assert.deepEqual(pick(await m.repeats({}, { minCount: 2 }), "place_id", "category", "tickets", "max_in_window"), [[
    "X1B1",
    "物业管理",
    2,
    2,
  ]]);
  assert.deepEqual(await m.repeats({}, { minCount: 3 }), []);
  assert.deepEqual(await m.repeats({}, { minCount: 2, windowDays: 30 }), []);
  assert.deepEqual(pick(await m.repeats({}, { minCount: 2, level: "compound" }), "place_id"), [["X1"]]);
  assert.deepEqual(await m.merged({}, {}), [{ tickets: 8, merged: 1, merged_share: 0.125 }]);
});

Deno.test("coverage of the organisation network, and the priority list", async () => {
  const streets = await m.coverage({}, { place: "street" });
  assert.deepEqual(streets, [
    {
      place_id: "S1",
      compounds: 2,
      compounds_with_branch: 1,
      buildings: 3,
      buildings_with_group: 2,
      households: 400,
      households_linked: 155, // 5 + min(200, 150)
      members: 15,
      compounds_with_branch_share: 0.5,
      buildings_with_group_share: 2 / 3,
      households_linked_share: 155 / 400,
      members_per_100_households: 3.75,
    },
    {
      place_id: "S2",
      compounds: 1,
      compounds_with_branch: 1,
      buildings: 1,
      buildings_with_group: 0,
      households: 600,
      households_linked: 60,
      members: 30,
      compounds_with_branch_share: 1,
      buildings_with_group_share: 0,
      households_linked_share: 0.1,
      members_per_100_households: 5,
    },
  ]);
  const [district] = await m.coverage({}, {});
  assert.deepEqual([district.households_linked, district.members_per_100_households], [215, 4.5]);
  // Rates per 1,000: X1 40, X2 6.67, X3 3.33 (upper quartile 23.33); linked shares 0.05, 0.5, 0.1 (median 0.1).
  const priority = await m.priorityList({});
  assert.deepEqual(pick(priority, "compound_id", "tickets", "ticket_rate", "coverage"), [["X1", 4, 40, 0.05]]);
  close(priority[0].ticket_rate_q3, 20 / 3 + 0.5 * (40 - 20 / 3));
  assert.deepEqual(await m.priorityList({ placeLevel: "street", placeIds: ["S2"] }), []);
});
