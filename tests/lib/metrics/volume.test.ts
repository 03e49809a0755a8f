/** Volume: tickets per 1,000 households and period over period. */
import assert from "node:assert/strict";
import { dateOfDayNumber } from "../../../lib/time.ts";
import { close, m, pick } from "./fixture_metrics.ts";
import { at } from "./fixture.ts";
import { closeTo, DAY, demo, demoMetrics, facts, inStreet, localIso, streets } from "./demo.ts";

Deno.test("volume: tickets per 1,000 households, by street, month on month", async () => {
  assert.deepEqual(await m.volume({}, {}), [{ tickets: 8, households: 1000, per_1000_households: 8 }]);
  const streets = await m.volume({}, { place: "street" });
  assert.deepEqual(pick(streets, "place_id", "tickets", "households"), [["S1", 6, 400], ["S2", 2, 600]]);
  close(streets[0].per_1000_households, 15);
  close(streets[1].per_1000_households, 10 / 3);
  // Feb t1 t2 t6, Mar t3 t7, Apr t4 t5, May t8.
  const months = await m.volume({}, { time: "month" }, { compare: "previous" });
  assert.deepEqual(pick(months, "period", "tickets", "previous", "change", "change_rate"), [
    [Date.UTC(2024, 1, 1), 3, 0, 3, null],
    [Date.UTC(2024, 2, 1), 2, 3, -1, -1 / 3],
    [Date.UTC(2024, 3, 1), 2, 2, 0, 0],
    [Date.UTC(2024, 4, 1), 1, 2, -1, -0.5],
  ]);
  // From 1 March local: February is still counted as March's previous month.
  const fromMarch = await m.volume({ from: at("2024-03-01 00:00") }, { time: "month" }, { compare: "previous" });
  assert.deepEqual(pick(fromMarch, "tickets", "previous"), [[2, 3], [2, 2], [1, 2]]);
  const yearOnYear = await m.volume({}, { time: "year" }, { compare: "year" });
  assert.deepEqual(pick(yearOnYear, "tickets", "previous", "change"), [[8, 0, 8]]);
});

Deno.test("demo: volume per street and month on month", async () => {
  const households = new Map<string, number>();
  demo.places.level.forEach((level, i) => {
    const street = demo.places.street_id[i] as string;
    if (level === "compound") {
      households.set(street, (households.get(street) ?? 0) + (demo.places.households[i] as number));
    }
  });
  const rows = await demoMetrics.volume({}, { place: "street" });
  assert.deepEqual(rows.map((r) => r.place_id), streets);
  for (const r of rows) {
    const count = inStreet(facts, r.place_id as string).length;
    assert.equal(r.tickets, count);
    closeTo(r.per_1000_households, (1000 * count) / households.get(r.place_id as string)!, r.place_id as string);
  }
  const byMonth = new Map<string, number>();
  for (const f of facts) {
    byMonth.set(localIso(f.created).slice(0, 7), (byMonth.get(localIso(f.created).slice(0, 7)) ?? 0) + 1);
  }
  const months = await demoMetrics.volume({}, { time: "month" }, { compare: "previous" });
  for (const r of months) {
    const month = dateOfDayNumber((r.period as number) / DAY).slice(0, 7);
    const [y, mo] = month.split("-").map(Number);
    const previous = dateOfDayNumber(Date.UTC(y, mo - 2, 1) / DAY).slice(0, 7);
    assert.deepEqual([r.tickets, r.previous], [byMonth.get(month), byMonth.get(previous) ?? 0], month);
  }
  assert.equal(months.length, byMonth.size);
});
