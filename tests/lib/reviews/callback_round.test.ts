/** The monthly callback round on a hand-made fixture: exactly the items due and not yet called back. */
import assert from "node:assert/strict";
import { roundCallbacksSql, roundListSql } from "../../../lib/reviews/callback_round.ts";
import { loadMonthReview } from "../../../lib/reviews/load_month.ts";
import { parsePeriod } from "../../../lib/reviews/period.ts";
import { roundFixtureDb } from "./fixture.ts";

const db = await roundFixtureDb();
const april = parsePeriod("month", "2024-04")!;

Deno.test("the April round holds the handled tickets closed in local March", async () => {
  // March closings: t2 (unsatisfied, reopened), t3 (no callback), t7 (basic), r1 (none), r5 (satisfied).
  // Not: r2 (closed 1 April local), r3 (merged), r4 (open), t1 (February).
  const [round] = await db.query(roundCallbacksSql(april));
  assert.equal(round.closed, 5);
  assert.equal(round.called_back, 3);
  assert.equal(round.unsatisfied, 1);
  assert.equal(round.reopened_after_unsatisfied, 1);
});

Deno.test("worklist: exactly the round's items not yet called back, the reporter as the browser holds it", async () => {
  const rows = await db.query(roundListSql(april, "worklist"));
  // t3 (S1, closed 4 March) before r1 (S2): ordered by street.
  assert.deepEqual(rows.map((r) => r.ticket_id), ["t3", "r1"]);
  const r1 = rows[1];
  // This fixture is an admin's data, as stored; masked roles' data comes masked from the server.
  assert.equal(r1.reporter_name, "欧阳娜娜");
  assert.equal(r1.reporter_phone, "138-1234-5678");
  assert.equal(r1.description, "楼上装修噪音，电话13812345678");
  assert.equal(r1.compound, "小区X3");
  assert.equal(r1.building, "1栋");
  assert.equal(r1.street, "西街道");
  assert.equal(r1.handler, "X3物业");
  // Closed 31 March local: publish by 7 April, call back by 20 April.
  assert.equal(r1.closed_date, Date.UTC(2024, 2, 31));
  assert.equal(r1.publication_due, Date.UTC(2024, 3, 7));
  assert.equal(r1.callback_due, Date.UTC(2024, 3, 20));
});

Deno.test("unsatisfied list: t2, reopened", async () => {
  const rows = await db.query(roundListSql(april, "unsatisfied"));
  assert.deepEqual(rows.map((r) => [r.ticket_id, r.callback_result, r.reopened]), [["t2", "unsatisfied", true]]);
});

Deno.test("the round's review: figures, tables per street, and a pending count that adds up", async () => {
  const review = await loadMonthReview(db, april, "test");
  const figure = Object.fromEntries(review.figures.map((f) => [f.key, f.value]));
  assert.equal(figure.closed, 5);
  assert.equal(figure.pending, 2);
  assert.equal(figure.callback_due, Date.UTC(2024, 3, 20));
  const streets = review.tables.find((t) => t.id === "round_streets")!;
  assert.deepEqual(streets.rows.map((r) => [r.name, r.closed, r.pending]), [["东街道", 3, 1], ["西街道", 2, 1]]);
  const worklist = review.tables.find((t) => t.id === "worklist")!;
  assert.equal(worklist.total, 2);
});

Deno.test("a round with nothing closed the month before is empty, not zero rows of figures", async () => {
  const review = await loadMonthReview(db, parsePeriod("month", "2023-01")!, "test");
  assert.equal(review.figures.find((f) => f.key === "closed")!.value, 0);
  assert.ok(review.tables.every((t) => t.total === 0));
});
