import assert from "node:assert/strict";
import { parseTimestamp } from "../../../lib/import/timestamps.ts";

const iso = (value: unknown, options = {}) => new Date(parseTimestamp(value, options)!).toISOString();
const NY = { timezone: "America/New_York" };

Deno.test("naive timestamps are Beijing time by default, in every written form", () => {
  for (
    const text of [
      "2024-04-19 08:30",
      "2024/4/19 8:30",
      "2024年4月19日 08:30",
      "2024-04-19T08:30:00",
      "04/19/2024 08:30:00 AM",
    ]
  ) {
    assert.equal(iso(text), "2024-04-19T00:30:00.000Z", text);
  }
  assert.equal(iso("2024-04-19T08:30:00+02:00"), "2024-04-19T06:30:00.000Z");
  assert.equal(iso("2024-04-19"), "2024-04-18T16:00:00.000Z");
});

Deno.test("US exports: 12-hour clock, short years and daylight saving time", () => {
  assert.equal(iso("05/01/2022 12:00:03 AM", NY), "2022-05-01T04:00:03.000Z");
  assert.equal(iso("05/01/2022 12:00:03 PM", NY), "2022-05-01T16:00:03.000Z");
  assert.equal(iso("1/1/20 0:05", { timezone: "America/Los_Angeles" }), "2020-01-01T08:05:00.000Z");
  assert.equal(iso("2024-03-10 01:59", NY), "2024-03-10T06:59:00.000Z");
  assert.equal(iso("2024-03-10 03:00", NY), "2024-03-10T07:00:00.000Z");
  // 02:30 does not exist that night; it is read an hour on, as 03:30 EDT.
  assert.equal(iso("2024-03-10 02:30", NY), "2024-03-10T07:30:00.000Z");
  // 01:30 happens twice in November; the first (EDT) is taken.
  assert.equal(iso("2024-11-03 01:30", NY), "2024-11-03T05:30:00.000Z");
  assert.equal(iso("03/04/2024", { slashOrder: "DD/MM/YYYY" }), "2024-04-02T16:00:00.000Z");
});

Deno.test("Excel serial dates, JS dates from spreadsheets, empty and bad values", () => {
  assert.equal(iso(45401.5), "2024-04-19T04:00:00.000Z");
  assert.equal(iso("45401.5"), "2024-04-19T04:00:00.000Z");
  assert.equal(iso(new Date(Date.UTC(2024, 3, 19, 8, 30))), "2024-04-19T00:30:00.000Z");
  assert.equal(parseTimestamp("  "), null);
  assert.equal(parseTimestamp(null), null);
  assert.throws(() => parseTimestamp("2023-02-30"), /not a real date/);
  assert.throws(() => parseTimestamp("13:00 PM yesterday"), /not a timestamp/);
  assert.throws(() => parseTimestamp("13/01/2024 01:00 PM"), /not a real date/);
});
