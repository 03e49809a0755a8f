/**
 * Every exported SQL builder of lib/metrics and lib/alerts, snapshotted in one loop (as Observable
 * Plot's snapshot harness does), so that a change to any metric's SQL shows in review
 * as a diff of `__snapshots__/<builder>.sql`. Each filtered builder is rendered under the
 * same fixed filters. A missing or different snapshot fails; run with
 * `UPDATE_SNAPSHOTS=1` to write them, then read the diff.
 */
import assert from "node:assert/strict";
import { DEFAULT_ALERTS } from "../../../lib/alerts/config.ts";
import * as deadlineRisk from "../../../lib/alerts/deadline_risk.ts";
import * as normal from "../../../lib/alerts/normal.ts";
import * as recurrence from "../../../lib/alerts/recurrence.ts";
import * as alertsReview from "../../../lib/alerts/review.ts";
import * as surges from "../../../lib/alerts/surges.ts";
import * as alertsView from "../../../lib/alerts/view.ts";
import * as backlog from "../../../lib/metrics/backlog.ts";
import * as callbacks from "../../../lib/metrics/callbacks.ts";
import * as coverage from "../../../lib/metrics/coverage.ts";
import * as cube from "../../../lib/metrics/cube.ts";
import * as dataQuality from "../../../lib/metrics/data_quality.ts";
import * as deadlines from "../../../lib/metrics/deadlines.ts";
import * as escalation from "../../../lib/metrics/escalation.ts";
import * as filter from "../../../lib/metrics/filter.ts";
import * as giStar from "../../../lib/metrics/gi_star.ts";
import * as hotspots from "../../../lib/metrics/hotspots.ts";
import * as overview from "../../../lib/metrics/overview.ts";
import * as places from "../../../lib/metrics/places.ts";
import * as publication from "../../../lib/metrics/publication.ts";
import * as rates from "../../../lib/metrics/rates.ts";
import * as repeats from "../../../lib/metrics/repeats.ts";
import * as resolution from "../../../lib/metrics/resolution.ts";
import * as satisfaction from "../../../lib/metrics/satisfaction.ts";
import * as views from "../../../lib/metrics/views.ts";
import * as volume from "../../../lib/metrics/volume.ts";
import type { Filter } from "../../../lib/metrics/filter.ts";
import { localMidnight } from "../../../lib/time.ts";

const MODULES = {
  alertsReview,
  alertsView,
  deadlineRisk,
  normal,
  recurrence,
  surges,
  backlog,
  callbacks,
  coverage,
  cube,
  dataQuality,
  deadlines,
  escalation,
  filter,
  giStar,
  hotspots,
  overview,
  places,
  publication,
  rates,
  repeats,
  resolution,
  satisfaction,
  views,
  volume,
};

/** The fixed filters: none, and one of every kind (a quarter, a street, a category with a quote, kinds, statuses). */
const FILTERS: Record<string, Filter> = {
  none: {},
  every_part: {
    from: localMidnight("2024-01-01", 8),
    to: localMidnight("2024-04-01", 8),
    placeLevel: "street",
    placeIds: ["S1"],
    categories: ["电梯", "O'Brien"],
    kinds: ["complaint"],
    sources: ["hotline"],
    statuses: ["open", "closed"],
  },
};

const BY = { place: "community", time: "month", category: true } as const;
const placeOnly = (f: Filter): Filter => ({ placeLevel: f.placeLevel, placeIds: f.placeIds });

/** Each builder under a filter, with its other arguments fixed; builders that take no filter take no argument. */
const BUILDERS: Record<string, ((f: Filter) => string) | (() => string)> = {
  alertsSql: () => alertsView.alertsSql(),
  alertsViewSql: () => alertsView.alertsViewSql(),
  monthAlertsSql: () => alertsReview.monthAlertsSql("2024-02-01", "2024-02-29"),
  deadlineRiskSql: () => deadlineRisk.deadlineRiskSql({ cut: "2024-03-08" }),
  normalUpperTailSql: () => normal.normalUpperTailSql("z"),
  recurrencesSql: (f: Filter) => recurrence.recurrencesSql(f),
  recentRecurrencesSql: () => recurrence.recentRecurrencesSql(),
  recurrenceRatesSql: (f: Filter) => recurrence.recurrenceRatesSql(f, "building"),
  surgeSeriesSql: () =>
    surges.surgeSeriesSql(DEFAULT_ALERTS, {
      from: "2024-03-01",
      to: "2024-03-07",
      level: "compound",
      placeId: "O'Brien",
      category: null,
    }),
  earsC2Sql: () => surges.earsC2Sql(),
  backlogSql: (f: Filter) => backlog.backlogSql(f, BY),
  overdueListSql: (f: Filter) => backlog.overdueListSql(f, { limit: 10 }),
  callbacksSql: (f: Filter) => callbacks.callbacksSql(f, BY),
  coverageSql: (f: Filter) => coverage.coverageSql(placeOnly(f), { place: "community" }),
  coverageGapsSql: (f: Filter) => coverage.coverageGapsSql(placeOnly(f)),
  priorityListSql: (f: Filter) => coverage.priorityListSql(f, { coverage: "buildings_with_group_share" }),
  createCubeSql: (f: Filter) =>
    cube.createCubeSql({ table: "cube_category_time", axes: ["category", "time"], baked: f, utcOffsetHours: 8 }),
  cubeCountsSql: (f: Filter) => cube.cubeCountsSql(null, ["week", "category"], f, 8),
  unplacedShareSql: () => dataQuality.unplacedShareSql(),
  unplacedByReasonSql: () => dataQuality.unplacedByReasonSql(),
  addressSuggestionsSql: () => dataQuality.addressSuggestionsSql(),
  nearestCompoundsSql: () => dataQuality.nearestCompoundsSql(),
  unplacedTicketsSql: () => dataQuality.unplacedTicketsSql("outside_compounds"),
  notesByImportSql: () => dataQuality.notesByImportSql(),
  sourceWordsSql: () => dataQuality.sourceWordsSql(),
  deadlineWorkdaysSql: () => deadlines.deadlineWorkdaysSql(deadlines.DEFAULT_CONFIG),
  escalationSql: (f: Filter) => escalation.escalationSql(f, BY),
  filterSql: (f: Filter) => filter.filterSql(f),
  periodSql: () => filter.periodSql("quarter"),
  aggregateSql: (f: Filter) => filter.aggregateSql(f, BY, ["count(*) AS n"], { where: ["NOT merged"] }),
  giStarSql: () => giStar.giStarSql("SELECT id, value FROM v", "SELECT id, neighbour FROM n"),
  cellCountsSql: (f: Filter) => hotspots.cellCountsSql(8, f),
  placeCountsSql: (f: Filter) => hotspots.placeCountsSql("building", f),
  headlineSql: () => overview.headlineSql(),
  compoundRateSql: () => overview.compoundRateSql(),
  ticketsByStreetSql: () => overview.ticketsByStreetSql(),
  placeGeometrySql: () => overview.placeGeometrySql("community"),
  mapFeatureSql: () => overview.mapFeatureSql("road"),
  householdsSql: (f: Filter) => places.householdsSql(f, { place: "community" }),
  publicationSql: (f: Filter) => publication.publicationSql(f, BY),
  ratesSql: (f: Filter) => rates.ratesSql(f, BY),
  repeatsSql: (f: Filter) => repeats.repeatsSql(f, { level: "compound" }),
  mergedSql: (f: Filter) => repeats.mergedSql(f, BY),
  resolutionSql: (f: Filter) => resolution.resolutionSql(f, BY),
  satisfactionSql: (f: Filter) => satisfaction.satisfactionSql(f, BY),
  ticketFactsSql: () => views.ticketFactsSql(),
  volumeSql: (f: Filter) => volume.volumeSql(f, { place: "street", time: "month" }, { compare: "year" }),
};

/** `ticketFactsSql` → `ticket_facts`. */
const snapshotName = (builder: string) => builder.replace(/Sql$/, "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A builder's snapshot: its text alone when it takes no filter, else one section per fixed filter. */
function render(build: ((f: Filter) => string) | (() => string)): string {
  if (build.length === 0) return (build as () => string)();
  return Object.entries(FILTERS).map(([name, f]) => `-- filter: ${name}\n${build(f)};\n`).join("\n");
}

// Builders are the synchronous `…Sql` functions; `hotspotsInSql` runs queries and is tested in hotspots.test.ts.
Deno.test("snapshots: the loop covers every exported builder of lib/metrics", () => {
  const exported = Object.values(MODULES).flatMap((module) =>
    Object.entries(module).filter(([name, value]) =>
      typeof value === "function" && value.constructor.name === "Function" && name.endsWith("Sql")
    )
      .map(([name]) => name)
  );
  assert.deepEqual(Object.keys(BUILDERS).toSorted(), exported.toSorted());
});

const UPDATE = Deno.env.get("UPDATE_SNAPSHOTS") === "1";

for (const [builder, build] of Object.entries(BUILDERS)) {
  Deno.test(`snapshot: ${builder}`, async () => {
    const file = new URL(`./__snapshots__/${snapshotName(builder)}.sql`, import.meta.url);
    const sql = render(build);
    const snapshot = await Deno.readTextFile(file).catch(() => null);
    if (UPDATE && snapshot !== sql) {
      await Deno.writeTextFile(file, sql);
      return;
    }
    assert.ok(snapshot !== null, `no snapshot ${file.pathname}: run with UPDATE_SNAPSHOTS=1 to write it`);
    assert.equal(sql, snapshot, `${builder}'s SQL changed: run with UPDATE_SNAPSHOTS=1 if the change is meant`);
  });
}
