/**
 * A place's series for its chart: the last weeks of every category of one place, the same
 * rows the detector judged over the whole district, with the day counts recounted from
 * the tickets.
 */
import assert from "node:assert/strict";
import { DEFAULT_ALERTS } from "../../../lib/alerts/config.ts";
import { CHART_DAYS, placeSeriesSql } from "../../../lib/alerts/series_chart.ts";
import { surgeSeriesSql } from "../../../lib/alerts/surges.ts";
import { addDays, localDateOf } from "../../../lib/time.ts";
import { SPIKE_DAY, surgeTickets, ticketsDb } from "./fixture.ts";

const DAYS = 14;
const iso = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);

Deno.test("placeSeriesSql: eight weeks of one place's series ending on the given day", () => {
  const sql = placeSeriesSql({ level: "compound", placeId: "O'Brien", to: "2024-05-20" });
  assert.equal(CHART_DAYS, 56);
  assert.match(sql, /c\.date BETWEEN DATE '2024-03-26' AND DATE '2024-05-20'/);
  assert.match(sql, /s\.level = 'compound' AND s\.place_id = 'O''Brien'/);
  // The district's series are named by the district's place, not filtered by it.
  assert.doesNotMatch(placeSeriesSql({ level: "district", placeId: "D", to: "2024-05-20" }), /s\.place_id =/);
});

Deno.test("placeSeriesSql: the detector's own rows for the place, its day counts recounted", async () => {
  const tickets = surgeTickets();
  const db = await ticketsDb(tickets);
  try {
    const rows = await db.query(placeSeriesSql({ level: "compound", placeId: "X1", to: SPIKE_DAY, days: DAYS }));
    const all = await db.query(surgeSeriesSql(DEFAULT_ALERTS, { from: addDays(SPIKE_DAY, 1 - DAYS), to: SPIKE_DAY }));
    const key = (r: Record<string, unknown>) => `${r.category}|${r.grain}|${iso(r.day)}`;
    const judged = new Map(all.filter((r) => r.level === "compound" && r.place_id === "X1").map((r) => [key(r), r]));
    assert.equal(rows.length, judged.size);
    const categories = new Set(tickets.filter((t) => t.compound_id === "X1").map((t) => t.category));
    assert.equal(rows.length, DAYS * 2 * (categories.size + 1));
    for (const r of rows) {
      const j = judged.get(key(r))!;
      assert.deepEqual([r.observed, r.expected, r.upper, r.alert], [j.observed, j.expected, j.upper, j.alert], key(r));
      if (r.grain !== "day") continue;
      const count = tickets.filter((t) =>
        t.compound_id === "X1" && !t.merged_into && localDateOf(t.created_at as number) === iso(r.day) &&
        (r.category === null || t.category === r.category)
      ).length;
      assert.equal(Number(r.observed), count, key(r));
    }
    const spike = rows.find((r) => r.grain === "day" && r.category === "物业管理" && iso(r.day) === SPIKE_DAY)!;
    assert.ok(spike.alert && Number(spike.observed) > Number(spike.upper));
    assert.deepEqual(rows.slice(0, DAYS).map((r) => [r.category, r.grain]), Array(DAYS).fill([null, "day"]));
  } finally {
    await db.close();
  }
});
