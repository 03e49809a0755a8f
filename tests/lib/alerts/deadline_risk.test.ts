/** Deadline risk: a Kaplan–Meier estimate worked out by hand on a dozen tickets. */
import assert from "node:assert/strict";
import { addWorkdays } from "../../../lib/calendar/calendar.ts";
import { deadlineRiskSql } from "../../../lib/alerts/deadline_risk.ts";
import { DEFAULT_CONFIG } from "../../../lib/metrics/deadlines.ts";
import { at } from "../metrics/fixture.ts";
import { ticket, ticketsDb } from "./fixture.ts";

// Ten 物业管理 complaints received Monday 4 March 2024, closed after 1, 2, …, 10 working days
// (the deadline is 7); one received Monday 18 March still open; one received on "today",
// Thursday 21 March, the newest ticket.
const db = await ticketsDb([
  ...Array.from({ length: 10 }, (_, i) =>
    ticket(`h${i + 1}`, "X1B1", "物业管理", "2024-03-04 10:00", {
      closed_at: at(`${addWorkdays("2024-03-04", i + 1)} 15:00`),
    })),
  ticket("open", "X2B1", "物业管理", "2024-03-18 10:00"),
  ticket("new", "X3B1", "物业管理", "2024-03-21 09:00"),
]);

Deno.test("deadline risk: S(D) / S(a) from closed and still-open tickets", async () => {
  const rows = await db.query(deadlineRiskSql());
  // "open" is 3 working days old, so censored at 3: at risk 11, 10, 9 on days 1–3, then 7, 6, 5, 4 on days
  // 4–7, one closing each day. S(3) = 10/11 · 9/10 · 8/9 = 8/11; S(7) = 8/11 · 6/7 · 5/6 · 4/5 · 3/4 = 24/77.
  const s7 = 24 / 77;
  assert.deepEqual(rows.map((r) => [r.ticket_id, r.age_workdays, r.allowed_workdays, r.stratum, r.half_rule]), [
    ["open", 3, 7, "kind_category", false],
    ["new", 0, 7, "kind_category", false],
  ]);
  assert.ok(Math.abs((rows[0].probability as number) - 3 / 7) < 1e-12);
  assert.ok(Math.abs((rows[1].probability as number) - s7) < 1e-12);
});

Deno.test("deadline risk at a past cut uses only what was known then", async () => {
  // At the end of Friday 8 March, h1–h4 had closed (days 1–4) and h5–h10 were 4 working days old: nobody
  // had been seen open beyond day 4, so the curve stays at S(4) and each of the six would miss (P = 1),
  // whatever h5–h10 did later.
  const rows = await db.query(deadlineRiskSql({ cut: "2024-03-08" }));
  assert.deepEqual(rows.map((r) => r.ticket_id).sort(), ["h10", "h5", "h6", "h7", "h8", "h9"]);
  assert.ok(rows.every((r) => r.age_workdays === 4 && r.probability === 1 && r.half_rule === true));
});

Deno.test("deadline risk: the deadline is ticket_facts', from the deadline rules it is given", async () => {
  const rows = await db.query(deadlineRiskSql());
  const facts = new Map(
    (await db.query(`SELECT ticket_id, due_at_effective FROM ticket_facts`)).map((
      r,
    ) => [r.ticket_id, r.due_at_effective]),
  );
  assert.ok(rows.length === 2 && rows.every((r) => r.due_at === facts.get(r.ticket_id)));
  const ten = await db.query(
    deadlineRiskSql({ deadlines: { ...DEFAULT_CONFIG, resolution: { defaultWorkdays: 10, rules: [] } } }),
  );
  assert.deepEqual(ten.map((r) => [r.ticket_id, r.allowed_workdays]), [["open", 10], ["new", 10]]);
});
