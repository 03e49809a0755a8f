/**
 * Every exported SQL builder of lib/metrics and lib/alerts, each with its other arguments fixed, under a
 * set of fixed filters: the loop of the snapshots (snapshots.test.ts) and of the test that
 * the scope's database answers as its Arrow tables do (tests/lib/store/scope_database.test.ts), and
 * as the server's answers do (tests/lib/store/scope_answers.test.ts), with the rows compared as `canonical` text.
 */
import { DEFAULT_ALERTS } from "../../../lib/alerts/config.ts";
import * as deadlineRisk from "../../../lib/alerts/deadline_risk.ts";
import * as normal from "../../../lib/alerts/normal.ts";
import * as recurrence from "../../../lib/alerts/recurrence.ts";
import * as alertsReview from "../../../lib/alerts/review.ts";
import * as seriesChart from "../../../lib/alerts/series_chart.ts";
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

export const MODULES = {
  alertsReview,
  alertsView,
  deadlineRisk,
  normal,
  recurrence,
  seriesChart,
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
export const FILTERS: Record<string, Filter> = {
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
export const BUILDERS: Record<string, ((f: Filter) => string) | (() => string)> = {
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
  placeSeriesSql: () => seriesChart.placeSeriesSql({ level: "compound", placeId: "O'Brien", to: "2024-03-07" }),
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

/** Rows as comparable text: numbers to 9 significant digits (sums may add in another order), rows sorted. */
export function canonical(rows: Record<string, unknown>[]): string[] {
  const round = (_: string, v: unknown) => typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v;
  return rows.map((r) => JSON.stringify(r, round)).sort();
}
