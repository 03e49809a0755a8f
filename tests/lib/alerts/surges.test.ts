/**
 * Surges on a seeded district, against the model recomputed by plain loops from the
 * tickets and the TypeScript calendar (day kinds, baseline, dispersion, the negative
 * binomial's tail by its recurrence rather than lgamma, Benjamini–Hochberg).
 */
import assert from "node:assert/strict";
import { randomLcg, randomPoisson } from "d3-random";
import { chinaCalendar } from "../../../lib/calendar/calendar.ts";
import { DEFAULT_ALERTS } from "../../../lib/alerts/config.ts";
import { earsC2Sql, surgeSeriesSql } from "../../../lib/alerts/surges.ts";
import { addDays, dayNumber, localDateOf } from "../../../lib/time.ts";
import { SPIKE_DAY, SURGE_FIRST, SURGE_LAST, surgeTickets, type Ticket, ticket, ticketsDb } from "./fixture.ts";

const tickets = surgeTickets();
const db = await ticketsDb(tickets);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function dayKind(day: string): string {
  const n = dayNumber(day);
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  if (!chinaCalendar.isWorkday(day)) return chinaCalendar.holidayOfDay(n) ? "holiday" : "rest";
  return dow > 5 ? "makeup" : String(dow);
}

/** The NB upper tail P(Y ≥ y) for mean mu and variance phi · mu, by the pmf's recurrence. */
function nbTail(y: number, mu: number, phi: number): number {
  const r = mu / (phi - 1);
  let pmf = Math.pow(1 / phi, r);
  let below = 0;
  for (let k = 0; k < y; k++) {
    below += pmf;
    pmf *= ((k + r) / (k + 1)) * (1 - 1 / phi);
  }
  return Math.min(1, Math.max(0, 1 - below));
}

/** Expected rows by plain loops: series key → day → {grain → model}. */
function reference() {
  const { baselineDays: B, guardDays: G, minBaselineTickets } = DEFAULT_ALERTS;
  const reports = tickets.filter((t) => !t.merged_into);
  const days: string[] = [];
  for (let d = SURGE_FIRST; d <= SURGE_LAST; d = addDays(d, 1)) days.push(d);
  const total = new Map(days.map((d) => [d, 0]));
  const series = new Map<string, Map<string, number>>();
  for (const t of reports) {
    const day = localDateOf(t.created_at as number);
    total.set(day, total.get(day)! + 1);
    for (const level of ["district", "street", "community", "compound"]) {
      const place = level === "district" ? "D" : t[`${level}_id`] as string;
      for (const category of [null, t.category as string]) {
        const key = `${level}|${place}|${category}`;
        const counts = series.get(key) ?? new Map<string, number>();
        counts.set(day, (counts.get(day) ?? 0) + 1);
        series.set(key, counts);
      }
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const overall = mean([...total.values()]);
  const factor = new Map<string, number>();
  for (const kind of new Set(days.map(dayKind))) {
    factor.set(kind, Math.max(0.05, mean(days.filter((d) => dayKind(d) === kind).map((d) => total.get(d)!)) / overall));
  }
  const f = (d: string) => factor.get(dayKind(d))!;
  const judged = days.slice(-DEFAULT_ALERTS.judgedDays);
  const rows: { key: string; grain: string; day: string; observed: number; mu: number; p: number }[] = [];
  for (const [key, counts] of series) {
    const y = (d: string) => counts.get(d) ?? 0;
    for (const day of judged) {
      for (const grain of ["day", "week"]) {
        const start = grain === "day" ? day : addDays(day, -6);
        const period = days.filter((d) => d >= start && d <= day);
        const base = days.filter((d) => d >= addDays(start, -G - B) && d < addDays(start, -G));
        const baseY = base.reduce((s, d) => s + y(d), 0);
        if (base.length < B || baseY < minBaselineTickets) continue;
        const baseF = base.reduce((s, d) => s + f(d), 0);
        const lambda = baseY / baseF;
        const periodF = period.reduce((s, d) => s + f(d), 0);
        const mu = lambda * periodF;
        const pearson = base.reduce((s, d) => s + (y(d) - lambda * f(d)) ** 2 / (lambda * f(d)), 0);
        const phi = Math.max(1, pearson / (base.length - 1)) * (1 + mu / baseY);
        const observed = period.reduce((s, d) => s + y(d), 0);
        rows.push({ key, grain, day, observed, mu, p: observed <= mu ? 1 : nbTail(observed, mu, phi) });
      }
    }
  }
  // Weighted Benjamini–Hochberg within each day: each level's tests share 1 / levels of the weight.
  const q = new Map<(typeof rows)[number], number>();
  const level = (r: (typeof rows)[number]) => r.key.split("|")[0];
  for (const day of judged) {
    const ofDay = rows.filter((r) => r.day === day);
    const perLevel = new Map<string, number>();
    for (const r of ofDay) perLevel.set(level(r), (perLevel.get(level(r)) ?? 0) + 1);
    const weighted = (r: (typeof rows)[number]) => r.p / (ofDay.length / (perLevel.size * perLevel.get(level(r))!));
    ofDay.sort((a, b) => weighted(a) - weighted(b));
    let running = Infinity;
    for (let i = ofDay.length - 1; i >= 0; i--) {
      running = Math.min(running, (weighted(ofDay[i]) * ofDay.length) / (i + 1));
      q.set(ofDay[i], Math.min(1, running));
    }
  }
  return rows.map((r) => ({ ...r, q: q.get(r)! }));
}

Deno.test("surges: expected counts, p- and q-values equal the model recomputed by plain loops", async () => {
  const rows = await db.query(surgeSeriesSql());
  const nb = rows.filter((r) => r.method === "nb");
  const expected = reference();
  assert.ok(expected.length > 100);
  assert.equal(nb.length, expected.length);
  const byKey = new Map(
    nb.map((r) => [`${r.level}|${r.place_id}|${r.category}|${r.grain}|${iso(r.day as number)}`, r]),
  );
  for (const e of expected) {
    const row = byKey.get(`${e.key}|${e.grain}|${e.day}`);
    assert.ok(row, `no row for ${e.key} ${e.grain} ${e.day}`);
    assert.equal(row.observed, e.observed);
    assert.ok(Math.abs((row.expected as number) - e.mu) < 1e-9, `${e.key} ${e.day}: ${row.expected} vs ${e.mu}`);
    assert.ok(Math.abs((row.p_value as number) - e.p) < 1e-9, `${e.key} ${e.day}: p ${row.p_value} vs ${e.p}`);
    assert.ok(Math.abs((row.q_value as number) - e.q) < 1e-9, `${e.key} ${e.day}: q ${row.q_value} vs ${e.q}`);
    assert.equal(row.alert, e.q <= DEFAULT_ALERTS.q && e.observed > e.mu);
  }
});

Deno.test("surges: the planted spike alerts at its compound, community, street and the district, and nothing else does", async () => {
  const alerts = (await db.query(surgeSeriesSql())).filter((r) => r.alert);
  const daily = alerts.filter((r) => r.grain === "day").map((r) => `${r.level} ${r.place_id} ${r.category ?? "*"}`);
  assert.ok(alerts.every((r) => iso(r.day as number) >= SPIKE_DAY), "no alert before the spike");
  for (const series of ["compound X1 物业管理", "community C1 物业管理", "street S1 物业管理", "district D 物业管理"]) {
    assert.ok(daily.includes(series), `${series} alerts`);
  }
  assert.ok(alerts.every((r) => r.category === "物业管理" || r.category === null), "only the spike's category");
  const spike = alerts.find((r) => r.grain === "day" && r.level === "compound" && iso(r.day as number) === SPIKE_DAY)!;
  assert.ok((spike.observed as number) >= 12 && (spike.upper as number) < (spike.observed as number));
});

Deno.test("surges: a series with too few tickets is not judged, a short history is judged EARS C2-style", async () => {
  const rows = await db.query(surgeSeriesSql());
  const parking = rows.filter((r) => r.level === "compound" && r.category === "停车");
  assert.ok(parking.length > 0 && parking.every((r) => r.judgement === "too_small" && r.p_value === null));
  // 12 March: 11 days of history, too short for the 28-day baseline; the 7 days ending 3 days before are there.
  const early = await db.query(surgeSeriesSql(DEFAULT_ALERTS, { from: "2024-03-12", to: "2024-03-12" }));
  const x1 = early.filter((r) => r.level === "compound" && r.place_id === "X1" && r.category === "物业管理");
  assert.deepEqual(x1.map((r) => [r.grain, r.judgement, r.method]), [["day", "judged", "ears_c2"], [
    "week",
    "too_short",
    null,
  ]]);
  const [c2] = (await db.query(earsC2Sql(DEFAULT_ALERTS, { from: "2024-03-12", to: "2024-03-12" }))).filter((r) =>
    r.level === "compound" && r.place_id === "X1" && r.category === "物业管理"
  );
  assert.equal(c2.expected, x1[0].expected);
  const before = tickets.filter((t) =>
    !t.merged_into && t.compound_id === "X1" &&
    localDateOf(t.created_at as number) >= "2024-03-03" && localDateOf(t.created_at as number) <= "2024-03-09"
  ).length;
  assert.equal(c2.expected, before / 7);
});

Deno.test("surges: the options narrow the result to one series", async () => {
  const rows = await db.query(surgeSeriesSql(DEFAULT_ALERTS, { level: "street", placeId: "S2", category: null }));
  assert.ok(rows.length === 14 && rows.every((r) => r.place_id === "S2" && r.category === null));
});

Deno.test("surges: a season that keeps to its dates is expected from the same dates in earlier years", async () => {
  // Heating complaints step from 4 to 40 a day on 1 November, every year, and back on 1 April.
  const draw = randomPoisson.source(randomLcg(0.1115));
  const rows: Ticket[] = [];
  for (let day = "2022-09-01"; day <= "2024-11-14"; day = addDays(day, 1)) {
    const month = Number(day.slice(5, 7));
    const n = draw(month >= 11 || month <= 3 ? 40 : 4)();
    for (let k = 0; k < n; k++) {
      rows.push(ticket(`${day}-${k}`, "X3B1", "供暖", `${day} ${String(8 + k % 12).padStart(2, "0")}:00`));
    }
  }
  const season = await ticketsDb(rows);
  // From 8 November: the days' and the weeks' windows, and their baselines, lie wholly on one side of the step.
  const judged =
    (await season.query(surgeSeriesSql(DEFAULT_ALERTS, { from: "2024-11-08", to: "2024-11-14", category: "供暖" })))
      .filter((r) => r.level === "compound" && r.method === "nb");
  assert.equal(judged.length, 14);
  assert.ok(judged.every((r) => !r.alert), "no alert: the step is seen on the same dates in earlier years");
  // The week of 14 November: its baseline (4–31 October) ends the day before the step, as it did a year before.
  const week = judged.find((r) => r.grain === "week" && iso(r.day as number) === "2024-11-14")!;
  assert.ok(Number(week.observed) / Number(week.expected) < 1.25, `${week.observed} against ${week.expected}`);
  await season.close();
});
