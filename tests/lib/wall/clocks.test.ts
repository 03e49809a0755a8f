import assert from "node:assert/strict";
import { asOfWindows, daysBefore } from "../../../lib/wall/periods.ts";
import { freshness, localDateLabel, localTimeLabel, minutesSince, shortDateTime } from "../../../lib/wall/freshness.ts";
import { checkHealthStatus, parseHealth, retryDelayMs, SignedOutError, syncStep } from "../../../lib/wall/sync.ts";

const local = (text: string) => Date.parse(`${text}+08:00`);

Deno.test("today and this month end at the data's as-of, in local time", () => {
  // 07:30 local on 1 March is still 29 February in UTC.
  const w = asOfWindows(local("2024-03-01T07:30:00"), 8);
  assert.equal(w.dayStart, local("2024-03-01T00:00:00"));
  assert.equal(w.end, local("2024-03-02T00:00:00"));
  assert.equal(w.monthStart, local("2024-03-01T00:00:00"));
  assert.equal(w.previousMonthStart, local("2024-02-01T00:00:00"));
  // January's previous month is last year's December.
  assert.equal(asOfWindows(local("2026-01-15T12:00:00"), 8).previousMonthStart, local("2025-12-01T00:00:00"));
  assert.equal(daysBefore(local("2024-03-31T00:00:00"), 30), local("2024-03-01T00:00:00"));
});

Deno.test("the figures turn stale once the server has not confirmed them for longer than the limit", () => {
  assert.equal(freshness(1_000, 61_000, 60_000), "fresh");
  assert.equal(freshness(1_000, 61_001, 60_000), "stale");
  assert.equal(minutesSince(0, 30_000), 1);
  assert.equal(minutesSince(0, 5 * 60_000 + 59_000), 5);
});

Deno.test("times are the district's local time, with the date when not today", () => {
  const asOf = Date.parse("2026-11-15T15:47:21Z"); // 23:47 in Beijing
  // 00:10 the next local day.
  assert.equal(localTimeLabel(asOf, Date.parse("2026-11-15T16:10:00Z"), 8), "2026-11-15 23:47");
  assert.equal(localTimeLabel(asOf, Date.parse("2026-11-15T10:00:00Z"), 8), "23:47");
  assert.equal(localDateLabel(asOf, 8), "2026-11-15");
  assert.equal(shortDateTime(asOf, 8), "11-15 23:47");
});

Deno.test("a refresh re-queries the same store version and downloads a new one", () => {
  assert.equal(syncStep({ ok: true, version: "v1" }, "v1"), "requery");
  assert.equal(syncStep({ ok: true, version: "v2" }, "v1"), "reload");
  assert.throws(() => syncStep({ ok: false, version: null }, "v1"), /no store/);
  assert.deepEqual(parseHealth({ ok: true, version: "v1", created_at: "x" }), { ok: true, version: "v1" });
  assert.throws(() => parseHealth("<html>proxy error</html>"), /unexpected/);
  assert.throws(() => parseHealth(null), /unexpected/);
});

Deno.test("failed refreshes are retried sooner than the refresh interval, backing off", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, 30_000)), [
    1_000,
    2_000,
    4_000,
    8_000,
    16_000,
    30_000,
    30_000,
  ]);
  assert.equal(retryDelayMs(1, 500), 500);
});

Deno.test("a 401 from the health probe means signed out, any other failure a retry", () => {
  assert.throws(() => checkHealthStatus(401), SignedOutError);
  assert.throws(() => checkHealthStatus(503), (e) => !(e instanceof SignedOutError) && /health: 503/.test(String(e)));
  checkHealthStatus(200);
});
