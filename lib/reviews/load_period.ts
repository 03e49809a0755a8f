/**
 * The quarterly review (季盘点) and the annual summary (年总结): the scorecard per street
 * with its rank against the previous period and the same period a year before, per
 * community, what went above the street, and monthly trend lines per street.
 */
import type { Connector, Row } from "../db/connector.ts";
import { DEFAULT_CONFIG, type MetricsConfig } from "../metrics/deadlines.ts";
import type { Filter, TimeGrain } from "../metrics/filter.ts";
import { heldStreets, loadReviewPlaces, type ReviewPlaces, withPlaceNames } from "./load_common.ts";
import { monthStarting, type Period, periodRange, sameLastYear, shiftPeriod } from "./period.ts";
import { type CellFormat, figuresFrom, type ReviewData, reviewTable } from "./review.ts";
import { aboveStreetSql, placeExtrasSql, scorecardSql, storedScorecardSql } from "./scorecard.ts";

const SCORE_MEASURES: Record<string, CellFormat> = {
  tickets: "count",
  per_1000_households: "decimal",
  response_rate: "percent",
  resolution_rate: "percent",
  satisfaction_rate: "percent",
  on_time_rate: "percent",
  median_working_days: "decimal",
  callback_coverage: "percent",
  publication_rate: "percent",
  publication_rank: "count",
  repeats: "count",
  above_street: "count",
  households_linked_share: "percent",
  compounds_with_branch_share: "percent",
  score: "percent",
  rank: "count",
};

/** The district's figures: the scorecard's, less what only ranks places. */
const DISTRICT_FIGURES = [
  "tickets",
  "per_1000_households",
  "response_rate",
  "resolution_rate",
  "satisfaction_rate",
  "on_time_rate",
  "median_working_days",
  "callback_coverage",
  "publication_rate",
  "above_street",
];

const pick = (formats: Record<string, CellFormat>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, formats[k]]));

/** Months the trend lines span, ending with the period's last month. */
export const TREND_MONTHS = 12;

export async function loadPeriodReview(
  db: Connector,
  period: Period,
  storeVersion: string,
  config: MetricsConfig = DEFAULT_CONFIG,
): Promise<ReviewData> {
  if (period.kind === "month") throw new Error("a month's review is its callback round (loadMonthReview)");
  const range = (from: Period, to: Period): Filter => ({
    from: periodRange(from, config.utcOffsetHours).from,
    to: periodRange(to, config.utcOffsetHours).to,
  });
  const filter = range(period, period);
  const lastYear = sameLastYear(period);
  const trendStart = shiftPeriod(monthStarting(period.end), -TREND_MONTHS);
  // A street official's browser holds only their streets' tickets: the district's and the
  // streets' rows (the ranking) come computed by the server over the whole district, as
  // they do for the masked roles, whose browsers need not compute them.
  const held = await heldStreets(db);
  const card = (from: Period, to: Period, level: "street" | undefined, grain: TimeGrain) =>
    held ? storedScorecardSql(from.start, to.end, level, grain) : scorecardSql(range(from, to), level, grain);
  const [places, district, streetHistory, communities, streetExtras, communityExtras, trend, above] = await Promise.all(
    [
      loadReviewPlaces(db),
      db.query(card(period, period, undefined, period.kind)),
      // From the same period last year on: the current, previous and last year's ranks in one query.
      db.query(card(lastYear, period, "street", period.kind)),
      db.query(scorecardSql(filter, "community", period.kind)),
      db.query(placeExtrasSql(filter, "street")),
      db.query(placeExtrasSql(filter, "community")),
      db.query(card(trendStart, period, "street", "month")),
      db.query(aboveStreetSql(filter)),
    ],
  );
  const current = withRankChanges(streetHistory, period);
  // Repeats count tickets: unknown for the streets whose tickets this browser does not hold.
  const streets = withExtras(current, streetExtras, places).map((r) =>
    held && !held.has(String(r.place_id)) ? { ...r, repeats: null } : r
  );
  return {
    kind: period.kind,
    period: period.key,
    filter,
    district: places.district,
    asOf: places.asOf,
    storeVersion,
    figures: figuresFrom(district[0], pick(SCORE_MEASURES, DISTRICT_FIGURES)),
    tables: [
      reviewTable(
        "scorecard_streets",
        { name: "text", ...SCORE_MEASURES, rank_vs_previous: "rank_change", rank_vs_last_year: "rank_change" },
        streets,
        "street",
      ),
      reviewTable(
        "scorecard_communities",
        { street: "text", name: "text", ...SCORE_MEASURES },
        withExtras(communities, communityExtras, places)
          // Other streets' communities would show as empty: this browser holds none of their tickets.
          .filter((r) => !held || held.has(String(r.street_id)))
          .sort((a, b) => String(a.street_id).localeCompare(String(b.street_id)) || Number(a.rank) - Number(b.rank)),
        "community",
      ),
      reviewTable(
        "above_street",
        { street: "text", category: "text", tickets: "count", resolved_above: "count", still_open: "count" },
        above,
        "street",
      ),
      reviewTable(
        "trend",
        { name: "text", period: "date", tickets: "count", satisfaction_rate: "percent" },
        withPlaceNames(trend, places),
        "street",
      ),
    ],
  };
}

const periodStart = (p: Period) => Date.parse(`${p.start}T00:00:00Z`);

/**
 * The period's rows, each with how many places it climbed since the previous period and
 * the same period last year (positive = up), null where that period has no rank.
 */
export function withRankChanges(history: Row[], period: Period): Row[] {
  const rankAt = (p: Period) =>
    new Map(history.filter((r) => r.period === periodStart(p)).map((r) => [r.place_id, Number(r.rank)]));
  const previous = rankAt(shiftPeriod(period, -1));
  const lastYear = rankAt(sameLastYear(period));
  const change = (before: number | undefined, now: number) => before === undefined ? null : before - now;
  return history.filter((r) => r.period === periodStart(period)).map((r) => ({
    ...r,
    rank_vs_previous: change(previous.get(r.place_id), Number(r.rank)),
    rank_vs_last_year: change(lastYear.get(r.place_id), Number(r.rank)),
  }));
}

function withExtras(rows: Row[], extras: Row[], places: ReviewPlaces): Row[] {
  const byPlace = new Map(extras.map((e) => [e.place_id, e]));
  return withPlaceNames(rows.map((r) => ({ ...byPlace.get(r.place_id), ...r })), places).map((r) => ({
    ...r,
    street_id: places.byId.get(String(r.place_id))?.street_id ?? r.place_id,
  }));
}
