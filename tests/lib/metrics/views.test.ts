/** The ticket_facts view and its deadline rules, on the fixture (by hand) and the demo district (ticket by ticket). */
import assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../../lib/metrics/deadlines.ts";
import { close, db, END_OF, pick } from "./fixture_metrics.ts";
import { at, fixtureDb } from "./fixture.ts";
import { demoDb, facts, n } from "./demo.ts";

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

Deno.test("demo: ticket_facts agrees ticket by ticket on deadlines, clocks and callbacks", async () => {
  const rows = await demoDb.query(`SELECT ticket_id, due_at_effective, on_time, overdue_open, responded_within_rule,
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
