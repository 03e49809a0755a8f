import assert from "node:assert/strict";
import {
  closingMonth,
  lastDay,
  latestPeriod,
  parsePeriod,
  periodRange,
  sameLastYear,
  shiftPeriod,
} from "../../../lib/reviews/period.ts";

Deno.test("periods parse from the URL's forms, and nothing else", () => {
  assert.deepEqual(parsePeriod("month", "2026-11"), {
    kind: "month",
    key: "2026-11",
    start: "2026-11-01",
    end: "2026-12-01",
  });
  assert.deepEqual(parsePeriod("quarter", "2026-Q4"), {
    kind: "quarter",
    key: "2026-Q4",
    start: "2026-10-01",
    end: "2027-01-01",
  });
  assert.deepEqual(parsePeriod("year", "2025"), { kind: "year", key: "2025", start: "2025-01-01", end: "2026-01-01" });
  for (const [kind, text] of [["month", "2026-13"], ["month", "2026-1"], ["quarter", "2026-Q5"], ["year", "latest"]]) {
    assert.equal(parsePeriod(kind as "month", text), null, text);
  }
});

Deno.test("previous, next and same period last year cross year ends", () => {
  const q1 = parsePeriod("quarter", "2026-Q1")!;
  assert.equal(shiftPeriod(q1, -1).key, "2025-Q4");
  assert.equal(shiftPeriod(q1, 1).key, "2026-Q2");
  assert.equal(sameLastYear(q1).key, "2025-Q1");
  assert.equal(closingMonth(parsePeriod("month", "2026-01")!).key, "2025-12");
  assert.equal(lastDay(q1), "2026-03-31");
});

Deno.test("a period's instants are local midnights (UTC+8)", () => {
  const { from, to } = periodRange(parsePeriod("month", "2024-03")!, 8);
  assert.equal(new Date(from).toISOString(), "2024-02-29T16:00:00.000Z");
  assert.equal(new Date(to).toISOString(), "2024-03-31T16:00:00.000Z");
});

Deno.test("latest: this month's round, the last finished quarter and year", () => {
  // 20:00 UTC on 31 December is already 1 January locally.
  const asOf = Date.parse("2026-12-31T20:00:00Z");
  assert.equal(latestPeriod("month", asOf, 8).key, "2027-01");
  assert.equal(latestPeriod("quarter", asOf, 8).key, "2026-Q4");
  assert.equal(latestPeriod("year", asOf, 8).key, "2026");
  const mid = Date.parse("2026-11-15T04:00:00Z");
  assert.deepEqual(["month", "quarter", "year"].map((k) => latestPeriod(k as "month", mid, 8).key), [
    "2026-11",
    "2026-Q3",
    "2025",
  ]);
});
