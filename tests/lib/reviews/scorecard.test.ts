/** The scorecard joins lib/metrics' own figures: each column equals its metric run alone. */
import assert from "node:assert/strict";
import { metrics } from "../../../lib/metrics/runner.ts";
import { withRankChanges } from "../../../lib/reviews/load_period.ts";
import { parsePeriod, periodRange } from "../../../lib/reviews/period.ts";
import { aboveStreetSql, scorecardSql } from "../../../lib/reviews/scorecard.ts";
import { roundFixtureDb } from "./fixture.ts";

const db = await roundFixtureDb();
const q1 = parsePeriod("quarter", "2024-Q1")!;
const filter = periodRange(q1, 8);

Deno.test("scorecard columns are the metrics' own, per street", async () => {
  const card = await db.query(scorecardSql(filter, "street", "quarter"));
  const m = metrics(db);
  const groupBy = { place: "street" as const, time: "quarter" as const };
  const [volume, rates, resolution, callbacks, publication] = await Promise.all([
    m.volume(filter, groupBy),
    m.rates(filter, groupBy),
    m.resolution(filter, groupBy),
    m.callbacks(filter, groupBy),
    m.publication(filter, groupBy),
  ]);
  assert.deepEqual(card.map((r) => r.place_id), ["S1", "S2"]);
  assert.deepEqual(card.map((r) => r.tickets), volume.map((r) => r.tickets));
  assert.deepEqual(card.map((r) => r.satisfaction_rate), rates.map((r) => r.satisfaction_rate));
  assert.deepEqual(card.map((r) => r.on_time_rate), resolution.map((r) => r.on_time_rate));
  assert.deepEqual(card.map((r) => r.callback_coverage), callbacks.map((r) => r.coverage));
  // Q1 receipts closed: S1 t1, t2, t3, t7 (none published); S2 r1 (late), r2 (never), r5 (in time).
  assert.deepEqual(publication.map((r) => r.place_id), ["S1", "S2"]);
  assert.deepEqual(card.map((r) => r.publication_rate), publication.map((r) => r.publication_rate));
  assert.deepEqual(card.map((r) => [r.publication_rate, r.publication_rank]), [[0, 2], [1 / 3, 1]]);
  // The score averages the rates that have a denominator; the higher score ranks first.
  for (const r of card) {
    const rates = [r.response_rate, r.resolution_rate, r.satisfaction_rate, r.on_time_rate].filter((v) => v != null)
      .map(Number);
    assert.ok(Math.abs(Number(r.score) - rates.reduce((a, b) => a + b, 0) / rates.length) < 1e-12);
  }
  const byScore = [...card].sort((a, b) => Number(b.score) - Number(a.score));
  assert.equal(byScore[0].rank, 1);
});

Deno.test("a period's card, read from its own rows, equals the every-period card's rows for it", async () => {
  assert.match(scorecardSql(filter, "street", "quarter"), /^WITH ticket_facts AS MATERIALIZED/);
  assert.doesNotMatch(scorecardSql({}, "street", "quarter"), /MATERIALIZED/);
  const start = Date.parse(`${q1.start}T00:00:00Z`);
  for (const level of ["street", "community", undefined] as const) {
    const all = await db.query(scorecardSql({}, level, "quarter"));
    assert.deepEqual(await db.query(scorecardSql(filter, level, "quarter")), all.filter((r) => r.period === start));
  }
});

Deno.test("rank changes: positive is a climb, null without an earlier rank", () => {
  const at = (key: string) => Date.parse(`${parsePeriod("quarter", key)!.start}T00:00:00Z`);
  const history = [
    { place_id: "A", period: at("2023-Q1"), rank: 2 },
    { place_id: "A", period: at("2023-Q4"), rank: 1 },
    { place_id: "A", period: at("2024-Q1"), rank: 1 },
    { place_id: "B", period: at("2023-Q4"), rank: 2 },
    { place_id: "B", period: at("2024-Q1"), rank: 2 },
    { place_id: "C", period: at("2024-Q1"), rank: 3 },
  ];
  const rows = withRankChanges(history, q1);
  assert.deepEqual(rows.map((r) => [r.place_id, r.rank_vs_previous, r.rank_vs_last_year]), [
    ["A", 0, 1],
    ["B", 0, null],
    ["C", null, null],
  ]);
});

Deno.test("above the street: resolved at district level or still with the departments", async () => {
  // In Q1 no fixture ticket was resolved at district level.
  assert.deepEqual(await db.query(aboveStreetSql(filter)), []);
});
