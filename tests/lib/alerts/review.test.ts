/** The month's alerts for the monthly review, on the seeded district with its planted spike. */
import assert from "node:assert/strict";
import { monthAlertsSql } from "../../../lib/alerts/review.ts";
import { localDateOf } from "../../../lib/time.ts";
import { SPIKE_DAY, surgeTickets, ticketsDb } from "./fixture.ts";

Deno.test("month's alerts: each surging series once, with the tickets of its alerted days and their outcome", async () => {
  const tickets = surgeTickets();
  const db = await ticketsDb(tickets);
  const rows = await db.query(monthAlertsSql("2024-05-01", "2024-05-31"));
  const x1 = rows.find((r) => r.level === "compound" && r.place_id === "X1" && r.category === "物业管理")!;
  assert.equal(x1.name, "小区X1");
  assert.equal(new Date(x1.first_alert as number).toISOString().slice(0, 10), SPIKE_DAY);
  assert.equal(rows.filter((r) => r.level === "compound" && r.place_id === "X1").length, 2, "物业管理 and all");
  // None of the fixture's tickets is closed.
  assert.ok(rows.every((r) => r.alert_closed === 0 && r.on_time_rate === null));
  const spikeDay =
    tickets.filter((t) => !t.merged_into && t.compound_id === "X1" && localDateOf(t.created_at as number) === SPIKE_DAY)
      .length;
  assert.ok((x1.alert_tickets as number) >= spikeDay);
});
