/** The monthly callback round on a hand-made fixture: exactly the items due and not yet called back. */
import assert from "node:assert/strict";
import { roundCallbacksSql, roundListSql, roundPublicationSql } from "../../../lib/reviews/callback_round.ts";
import { monthAlertsSql } from "../../../lib/alerts/review.ts";
import { loadMonthAlerts, loadMonthReview } from "../../../lib/reviews/load_month.ts";
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
  // What was done, for the caller to read before phoning, as stored (shorter than REPLY_CHARACTERS).
  assert.equal(r1.reply, "已协调装修方调整施工时间，如有问题请联系13812345678。");
  assert.equal(rows[0].reply, null);
});

Deno.test("publication of the round's items: in time, overdue and replied, per street", async () => {
  // t2, t3 and t7 (S1) were never published: overdue. r1 (S2) was published late, r5 (S2) in time.
  const [round] = await db.query(roundPublicationSql(april));
  assert.deepEqual(
    [round.closed, round.published_in_time, round.publication_due, round.publication_overdue, round.replied],
    [5, 1, 5, 3, 2],
  );
  assert.equal(round.publication_rate, 0.2);
  assert.equal(round.reply_coverage, 0.4);
  const streets = await db.query(roundPublicationSql(april, { place: "street" }));
  assert.deepEqual(streets.map((r) => [r.place_id, r.publication_rate, r.publication_overdue]), [
    ["S1", 0, 3],
    ["S2", 0.5, 0],
  ]);
  const overdue = await db.query(roundListSql(april, "publication_overdue"));
  // Ordered by street, community and closing time: t3 (4 March), t7 (18 March), t2 (20 March).
  assert.deepEqual(overdue.map((r) => r.ticket_id), ["t3", "t7", "t2"]);
  assert.equal(overdue[0].publication_due, Date.UTC(2024, 2, 11));
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
  assert.ok(worklist.columns.some((c) => c.key === "reply"));
  assert.equal(figure.publication_rate, 0.2);
  const publication = review.tables.find((t) => t.id === "publication_streets")!;
  assert.deepEqual(publication.rows.map((r) => [r.name, r.published, r.published_in_time, r.publication_overdue]), [
    ["东街道", 0, 0, 3],
    ["西街道", 2, 1, 0],
  ]);
  const communities = review.tables.find((t) => t.id === "publication_communities")!;
  assert.deepEqual(communities.rows.map((r) => [r.street, r.name]), [["东街道", "甲社区"], ["西街道", "乙社区"]]);
  assert.equal(review.tables.find((t) => t.id === "publication_overdue")!.total, 3);
});

Deno.test("the round's alerts come on their own: the surges of the month it counts", async () => {
  const review = await loadMonthReview(db, april, "test");
  assert.equal(review.tables.find((t) => t.id === "alerts"), undefined);
  const alerts = await loadMonthAlerts(db, april);
  assert.equal(alerts.id, "alerts");
  assert.equal(alerts.columns[0].key, "level");
  const march = await db.query(monthAlertsSql("2024-03-01", "2024-03-31"));
  assert.deepEqual(alerts.rows.map((r) => [r.level, r.category]), march.map((r) => [r.level, r.category]));
});

Deno.test("a round with nothing closed the month before is empty, not zero rows of figures", async () => {
  const review = await loadMonthReview(db, parsePeriod("month", "2023-01")!, "test");
  assert.equal(review.figures.find((f) => f.key === "closed")!.value, 0);
  assert.ok(review.tables.every((t) => t.total === 0));
});
