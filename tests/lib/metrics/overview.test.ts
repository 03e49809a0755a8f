import assert from "node:assert/strict";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";
import { table } from "../../../lib/schema.ts";
import { createViews } from "../../../lib/metrics/views.ts";
import { compoundRateSql, headlineSql, ticketsByStreetSql } from "../../../lib/metrics/overview.ts";

const square = (x: number) =>
  JSON.stringify({ type: "Polygon", coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]] });
const day = (d: number) => Date.UTC(2024, 5, d);

/** Two streets, two compounds; the answers below are counted by hand. */
const FIXTURE = {
  places: {
    place_id: ["S1", "S2", "C1", "C2"],
    level: ["street", "street", "compound", "compound"],
    name: ["东街道", "西街道", "和园", "德沁苑"],
    households: [null, null, 500, 2000],
    geometry: [square(0), square(2), square(0), square(2)],
  },
  tickets: {
    ticket_id: ["t1", "t2", "t3", "t4", "t5"],
    created_at: [day(1), day(2), day(20), day(25), day(30)],
    status: ["closed", "closed", "open", "closed", "open"],
    compound_id: ["C1", "C1", "C1", "C2", null],
    street_id: ["S1", "S1", "S1", "S2", "S2"],
  },
  callbacks: {
    ticket_id: ["t1", "t2", "t4"],
    called_at: [day(3), day(4), day(26)],
    result: ["satisfied", "unsatisfied", "basic"],
  },
};

async function fixtureDb() {
  const db = await openDenoDuckDB();
  for (const name of ["places", "tickets", "callbacks", "buildings"]) {
    const cols = FIXTURE[name as keyof typeof FIXTURE] ?? {};
    await db.insertArrowStream(name, tableToStream(columnsToArrow(table(name), cols)));
  }
  await createViews(db);
  return db;
}

Deno.test("headline figures on the hand-made fixture", async () => {
  const db = await fixtureDb();
  const [h] = await db.query(headlineSql());
  // 30 days before the newest ticket (30 June) is 31 May: t1…t5 all fall after it except none.
  assert.deepEqual(h, {
    tickets_total: 5,
    open: 2,
    tickets_30d: 5,
    satisfaction: 2 / 3,
    compounds: 2,
    buildings: 0,
    // t5 has no compound.
    unplaced_share: 1 / 5,
  });
  await db.close();
});

Deno.test("tickets per 1,000 households by compound, and tickets by street", async () => {
  const db = await fixtureDb();
  const compounds = await db.query(compoundRateSql());
  assert.deepEqual(compounds.map((c) => [c.place_id, c.tickets, c.value]), [["C1", 3, 6], ["C2", 1, 0.5]]);
  const streets = await db.query(ticketsByStreetSql());
  assert.deepEqual(streets.map((s) => [s.place_id, s.tickets, s.open]), [["S1", 3, 1], ["S2", 2, 1]]);
  await db.close();
});

Deno.test("the headline query reads the canonical tables, and ticket_facts for satisfaction", () => {
  const sql = headlineSql();
  for (const name of sql.matchAll(/FROM (\w+)/g)) {
    assert.ok(["tickets", "ticket_facts", "places", "buildings", "as_of", "u"].includes(name[1]), name[1]);
  }
});
