import assert from "node:assert/strict";
import {
  addDays,
  dateOfDayNumber,
  DAY_MS,
  dayNumber,
  DEPLOYMENT_TIME_ZONE,
  HOUR_MS,
  localDateOf,
  localDayNumber,
  localMidnight,
  UTC_OFFSET_HOURS,
} from "../../lib/time.ts";

Deno.test("the deployment's zone has the configured offset, all year round", () => {
  for (const month of [0, 6]) {
    const instant = new Date(Date.UTC(2026, month, 15, 12));
    const local = new Date(instant.toLocaleString("en-US", { timeZone: DEPLOYMENT_TIME_ZONE }) + " UTC");
    assert.equal((local.getTime() - instant.getTime()) / HOUR_MS, UTC_OFFSET_HOURS, `month ${month + 1}`);
  }
});

Deno.test("an instant's local date, and a local date's first instant", () => {
  // 16:00 UTC is midnight in UTC+8: the next local day starts there.
  assert.equal(localDateOf(Date.parse("2025-12-31T15:59:59Z"), 8), "2025-12-31");
  assert.equal(localDateOf(Date.parse("2025-12-31T16:00:00Z"), 8), "2026-01-01");
  assert.equal(localDateOf(Date.parse("2025-12-31T16:00:00Z"), 0), "2025-12-31", "a DATE value reads at offset 0");
  assert.equal(localMidnight("2026-01-01", 8), Date.parse("2025-12-31T16:00:00Z"));
  assert.equal(localMidnight("2026-01-01", 5.5), Date.parse("2025-12-31T18:30:00Z"));
  assert.equal(localDateOf(localMidnight("2026-03-01")), "2026-03-01");
  assert.equal(localDayNumber(Date.parse("2025-12-31T16:00:00Z"), 8), dayNumber("2026-01-01"));
});

Deno.test("day numbers and adding days", () => {
  assert.equal(dayNumber("1970-01-02"), 1);
  assert.equal(dateOfDayNumber(dayNumber("2024-02-29")), "2024-02-29");
  assert.throws(() => dayNumber("2023-02-29"), /not a date/);
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.equal(addDays("2025-12-31", 1), "2026-01-01");
  assert.equal(DAY_MS, 24 * HOUR_MS);
});
