import assert from "node:assert/strict";
import {
  addWorkdays,
  CALENDAR_FIRST,
  CALENDAR_LAST,
  calendarColumns,
  chinaCalendar,
  isWorkday,
  parseHolidays,
  workdaysBetween,
} from "../../../lib/calendar/calendar.ts";
import { CSV_URL, embeddedModule } from "../../../cli/embed_holidays.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";
import { table } from "../../../lib/schema.ts";

Deno.test("the bundled copy is the CSV (run cli/embed_holidays.ts after editing it)", async () => {
  const bundled = await Deno.readTextFile(new URL("../../../lib/calendar/holidays_data.ts", import.meta.url));
  assert.equal(bundled, embeddedModule(await Deno.readTextFile(CSV_URL)));
});

Deno.test("Spring Festival: days off and make-up working weekends", () => {
  // 2024: 10–17 Feb off; Sunday 4 and Sunday 18 Feb worked; 除夕 (9 Feb) a working day.
  for (const d of ["2024-02-10", "2024-02-12", "2024-02-16", "2024-02-17"]) assert.equal(isWorkday(d), false, d);
  for (const d of ["2024-02-04", "2024-02-18", "2024-02-09", "2024-02-19"]) assert.equal(isWorkday(d), true, d);
  // 2025, the first year with 除夕 off: 28 Jan–4 Feb off; Sunday 26 Jan and Saturday 8 Feb worked.
  for (const d of ["2025-01-28", "2025-02-03", "2025-02-04"]) assert.equal(isWorkday(d), false, d);
  for (const d of ["2025-01-26", "2025-02-08", "2025-01-27"]) assert.equal(isWorkday(d), true, d);
  // 2023: Saturday 28 and Sunday 29 Jan worked.
  assert.deepEqual(["2023-01-27", "2023-01-28", "2023-01-29"].map(isWorkday), [false, true, true]);
  // 2020: the holiday was extended to 2 Feb, so Saturday 1 Feb was not worked after all.
  assert.deepEqual(["2020-01-19", "2020-01-31", "2020-02-01", "2020-02-03"].map(isWorkday), [true, false, false, true]);
  assert.equal(chinaCalendar.holidayName("2024-02-10"), "春节");
});

Deno.test("National Day and other holidays", () => {
  // 2025: 1–8 Oct off with 中秋; Sunday 28 Sep and Saturday 11 Oct worked.
  assert.deepEqual(["2025-09-28", "2025-10-08", "2025-10-09", "2025-10-11"].map(isWorkday), [true, false, true, true]);
  // 2024: 1–7 Oct off; Sunday 29 Sep and Saturday 12 Oct worked.
  assert.deepEqual(["2024-09-29", "2024-10-07", "2024-10-08", "2024-10-12"].map(isWorkday), [true, false, true, true]);
  // 2025 May Day: 1–5 May off, Sunday 27 April worked; 2026 New Year: Sunday 4 Jan worked.
  assert.deepEqual(["2025-04-27", "2025-05-02", "2025-05-06", "2026-01-02", "2026-01-04"].map(isWorkday), [
    true,
    false,
    true,
    false,
    true,
  ]);
  // An ordinary Saturday and Tuesday.
  assert.deepEqual(["2024-03-09", "2024-03-05"].map(isWorkday), [false, true]);
});

Deno.test("adding and counting working days", () => {
  assert.equal(addWorkdays("2024-02-08", 2), "2024-02-18");
  assert.equal(addWorkdays("2024-02-09", 1), "2024-02-18");
  assert.equal(addWorkdays("2025-09-30", 1), "2025-10-09");
  assert.equal(addWorkdays("2024-02-10", 0), "2024-02-10");
  assert.equal(workdaysBetween("2024-02-08", "2024-02-19"), 3);
  assert.equal(workdaysBetween("2024-02-19", "2024-02-08"), -3);
  // Working days in a year: 251 in 2024, 248 in 2025.
  assert.equal(workdaysBetween("2023-12-31", "2024-12-31"), 251);
  assert.equal(workdaysBetween("2024-12-31", "2025-12-31"), 248);
});

Deno.test("the holiday CSV is checked when read", () => {
  assert.throws(() => parseHolidays("date,kind,name\n2024-02-19,workday,春节"), /not a weekend/);
  assert.throws(() => parseHolidays("date,kind,name\n2024-02-10,holiday,春节\n2024-02-10,holiday,春节"), /twice/);
  assert.throws(() => parseHolidays("date,kind,name\n2024-02-30,holiday,春节"), /not a date/);
  assert.throws(() => parseHolidays("date,kind,name\n2024-02-10,off,春节"), /kind/);
});

Deno.test("the calendar table: one row a day, workday_seq joins to what addWorkdays counts", async () => {
  const columns = calendarColumns();
  assert.equal(columns.date.length, 2922);
  const db = await openDenoDuckDB();
  await db.insertArrowStream("calendar", tableToStream(columnsToArrow(table("calendar"), columns)));
  const [range] = await db.query(`SELECT min(date) AS first, max(date) AS last FROM calendar`);
  assert.deepEqual(range, { first: Date.parse(CALENDAR_FIRST), last: Date.parse(CALENDAR_LAST) });
  const [r] = await db.query(`SELECT
    (SELECT workday_seq FROM calendar WHERE date = DATE '2024-02-19')
      - (SELECT workday_seq FROM calendar WHERE date = DATE '2024-02-08') AS between,
    (SELECT strftime(date, '%Y-%m-%d') FROM calendar WHERE is_workday AND workday_seq =
      (SELECT workday_seq + 2 FROM calendar WHERE date = DATE '2024-02-08')) AS plus_two,
    (SELECT holiday FROM calendar WHERE date = DATE '2025-10-08') AS holiday`);
  assert.deepEqual(r, { between: 3, plus_two: "2024-02-18", holiday: "国庆节、中秋节" });
  // Every day agrees with the TypeScript functions.
  const rows = await db.query<{ d: string; w: boolean; seq: number }>(
    `SELECT strftime(date, '%Y-%m-%d') AS d, is_workday AS w, workday_seq AS seq FROM calendar ORDER BY date`,
  );
  for (const row of rows) {
    assert.equal(row.w, isWorkday(row.d), row.d);
    assert.equal(row.seq, workdaysBetween("2019-12-31", row.d), row.d);
  }
  await db.close();
});
