/** The `alerts` view: created with ticket_facts, one relation for all three kinds. */
import assert from "node:assert/strict";
import { ALERT_COLUMNS } from "../../../lib/alerts/view.ts";
import { SPIKE_DAY, surgeTickets, ticketsDb } from "./fixture.ts";

Deno.test("alerts view: surges of the judged week with their evidence, in the documented columns", async () => {
  const db = await ticketsDb(surgeTickets());
  const columns = await db.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'alerts' ORDER BY ordinal_position`,
  );
  assert.deepEqual(columns.map((c) => c.name), [...ALERT_COLUMNS]);
  const rows = await db.query(`SELECT * FROM alerts WHERE alert_kind = 'surge' AND grain = 'day'`);
  const x1 = rows.find((r) => r.level === "compound" && r.place_id === "X1")!;
  assert.equal(new Date(x1.period_start as number).toISOString().slice(0, 10), SPIKE_DAY);
  assert.ok((x1.observed as number) > (x1.upper as number) && (x1.q_value as number) <= 0.05);
  // The fixture's tickets are never closed, so none recurs.
  assert.deepEqual((await db.query(`SELECT count(*) AS n FROM alerts WHERE alert_kind = 'recurrence'`))[0].n, 0);
});
