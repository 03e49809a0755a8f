/** Recurrence after closing, worked out by hand on a few tickets. */
import assert from "node:assert/strict";
import { alertsConfig } from "../../../lib/alerts/config.ts";
import { recentRecurrencesSql, recurrenceRatesSql, recurrencesSql } from "../../../lib/alerts/recurrence.ts";
import { at } from "../metrics/fixture.ts";
import { ticket, ticketsDb } from "./fixture.ts";

const closed = (local: string) => ({ closed_at: at(local) });
const db = await ticketsDb([
  // X1B1 供水排水: a leak closed on 1 March, back on the 10th, closed again, back on the 20th.
  ticket("a", "X1B1", "供水排水", "2024-03-01 09:00", closed("2024-03-01 17:00")),
  ticket("b", "X1B1", "供水排水", "2024-03-10 09:00", closed("2024-03-12 17:00")),
  ticket("c", "X1B1", "供水排水", "2024-03-20 09:00", closed("2024-03-21 17:00")),
  // 45 days after c closed: a new problem, not a recurrence (default window 30 days).
  ticket("d", "X1B1", "供水排水", "2024-05-05 09:00"),
  // Received before a was closed: not after a closing.
  ticket("e", "X1B1", "供水排水", "2024-03-01 12:00", closed("2024-03-02 10:00")),
  // Another building, another category, and a merged duplicate: none recur.
  ticket("f", "X2B1", "供水排水", "2024-03-11 09:00"),
  ticket("g", "X1B1", "电梯", "2024-03-11 09:00"),
  ticket("h", "X1B1", "供水排水", "2024-03-13 09:00", { ...closed("2024-03-13 09:30"), merged_into: "b" }),
  // Without a building: matched within the compound, among tickets without a building.
  ticket("i", "X3B1", "供暖", "2024-03-01 09:00", { ...closed("2024-03-02 09:00"), building_id: null }),
  ticket("j", "X3B1", "供暖", "2024-03-05 09:00", { building_id: null }),
]);

Deno.test("recurrence: chains of tickets reported again after closing", async () => {
  const rows = await db.query(recurrencesSql());
  assert.deepEqual(rows.map((r) => [r.ticket_id, r.previous_id, r.chain_id, r.position, r.level, r.place_id]), [
    ["j", "i", "i", 1, "compound", "X3"],
    // b follows e, the latest closing before it (2 March), which itself recurred after nothing.
    ["b", "e", "e", 1, "building", "X1B1"],
    ["c", "b", "e", 2, "building", "X1B1"],
  ]);
  assert.ok(Math.abs((rows[1].days_after_closing as number) - (8 - 1 / 24)) < 1e-9);
});

Deno.test("recurrence: the window is configurable and the filter applies to the recurring ticket", async () => {
  const wide = await db.query(recurrencesSql({}, alertsConfig({ recurrenceDays: 60 })));
  assert.ok(wide.some((r) => r.ticket_id === "d" && r.chain_id === "e" && r.position === 3));
  const s2 = await db.query(recurrencesSql({ placeLevel: "street", placeIds: ["S2"] }));
  assert.deepEqual(s2.map((r) => r.ticket_id), ["j"]);
});

Deno.test("recurrence: the alerts' recent recurrences keep their whole chain", async () => {
  // The newest ticket is d (5 May): within 60 days of c's closing it is the third recurrence of e's chain.
  const config = alertsConfig({ recurrenceDays: 60 });
  const recent = await db.query(recentRecurrencesSql(config));
  assert.deepEqual(recent.map((r) => [r.ticket_id, r.previous_id, r.chain_id, r.position]), [["d", "c", "e", 3]]);
  const all = await db.query(recurrencesSql({}, config));
  assert.deepEqual(recent, all.filter((r) => r.ticket_id === "d"));
  assert.deepEqual(await db.query(recentRecurrencesSql()), []);
});

Deno.test("recurrence: rate per place = closed tickets reported again / closed tickets", async () => {
  const rows = await db.query(recurrenceRatesSql({}, "compound"));
  // X1: a, b, c, e closed (h is merged); e and b were followed by a recurrence. X3: i closed, followed by j.
  assert.deepEqual(rows.map((r) => [r.place_id, r.closed, r.recurred, r.recurrence_rate]), [
    ["X3", 1, 1, 1],
    ["X1", 4, 2, 0.5],
  ]);
});
