/** The monthly callback round's review data, computed on any Connector whose ticket_facts view exists. */
import type { Connector } from "../db/connector.ts";
import { DEFAULT_CONFIG, type MetricsConfig } from "../metrics/deadlines.ts";
import { roundFiguresSql, roundListSql, storedRoundSql } from "./callback_round.ts";
import { heldStreets, loadReviewPlaces, withPlaceNames } from "./load_common.ts";
import { closingMonth, lastDay, type Period } from "./period.ts";
import { monthAlertsSql } from "../alerts/review.ts";
import { type CellFormat, figuresFrom, type ReviewData, type ReviewTable, reviewTable } from "./review.ts";

const ROUND_MEASURES: Record<string, CellFormat> = {
  closed: "count",
  called_back: "count",
  coverage: "percent",
  pending: "count",
  called_back_in_time: "count",
  unsatisfied: "count",
  reopened_after_unsatisfied: "count",
};

const LIST_COLUMNS: Record<string, CellFormat> = {
  ticket_id: "text",
  street: "text",
  community: "text",
  compound: "text",
  building: "text",
  category: "text",
  handler: "text",
  closed_date: "date",
};

/** The month's surges (lib/alerts/review.ts) and what became of their tickets. */
const ALERT_COLUMNS: Record<string, CellFormat> = {
  level: "code",
  name: "text",
  category: "text",
  first_alert: "date",
  alert_days: "count",
  observed: "count",
  expected: "decimal",
  alert_tickets: "count",
  alert_closed: "count",
  on_time_rate: "percent",
};

const PERSON: Record<string, CellFormat> = { reporter_name: "text", reporter_phone: "text" };

const PUBLICATION_MEASURES: Record<string, CellFormat> = {
  published: "count",
  published_in_time: "count",
  publication_rate: "percent",
  median_publication_days: "decimal",
  publication_overdue: "count",
  reply_coverage: "percent",
};

export async function loadMonthReview(
  db: Connector,
  round: Period,
  storeVersion: string,
  config: MetricsConfig = DEFAULT_CONFIG,
): Promise<ReviewData> {
  // A street official's browser holds only their streets' tickets: the district's and the
  // streets' round figures (callbacks and publication) come computed by the server over the
  // whole district.
  const held = await heldStreets(db);
  const figures = (level: "street" | undefined) =>
    held ? storedRoundSql(round, level) : roundFiguresSql(round, level && { place: level });
  const closed = closingMonth(round);
  const [places, [district], streets, communities, worklist, unsatisfied, publicationOverdue] = await Promise
    .all([
      loadReviewPlaces(db),
      db.query(figures(undefined)),
      db.query(figures("street")),
      db.query(roundFiguresSql(round, { place: "community" })),
      db.query(roundListSql(round, "worklist", config.utcOffsetHours)),
      db.query(roundListSql(round, "unsatisfied", config.utcOffsetHours)),
      db.query(roundListSql(round, "publication_overdue", config.utcOffsetHours)),
    ]);
  // Items not yet called back: the callers' remaining work.
  const withPending = <T extends Record<string, unknown>>(r: T) => ({
    ...r,
    pending: Number(r.closed) - Number(r.called_back),
  });
  const callbackDue = Date.UTC(
    Number(round.start.slice(0, 4)),
    Number(round.start.slice(5, 7)) - 1,
    config.callbackDayOfNextMonth,
  );
  return {
    kind: "month",
    period: round.key,
    filter: { closedFrom: closed.start, closedTo: closed.end },
    district: places.district,
    asOf: places.asOf,
    storeVersion,
    figures: [
      ...figuresFrom(district && withPending(district), { ...ROUND_MEASURES, timeliness: "percent" }),
      { key: "callback_due", value: callbackDue, format: "date" },
      ...figuresFrom(district, { publication_rate: "percent" }),
    ],
    tables: [
      reviewTable(
        "round_streets",
        { name: "text", ...ROUND_MEASURES },
        withPlaceNames(streets.map(withPending), places),
        "street",
      ),
      reviewTable(
        "round_communities",
        { street: "text", name: "text", ...ROUND_MEASURES },
        withPlaceNames(communities.map(withPending), places),
        "community",
      ),
      reviewTable(
        "unsatisfied",
        { ...LIST_COLUMNS, callback_result: "code", reopened: "yes_no", status: "code", ...PERSON },
        unsatisfied,
      ),
      reviewTable(
        "worklist",
        {
          ...LIST_COLUMNS,
          kind: "code",
          publication_due: "date",
          callback_due: "date",
          description: "text",
          reply: "text",
          ...PERSON,
        },
        worklist,
      ),
      reviewTable(
        "publication_streets",
        { name: "text", ...PUBLICATION_MEASURES },
        withPlaceNames(streets, places),
        "street",
      ),
      reviewTable(
        "publication_communities",
        { street: "text", name: "text", ...PUBLICATION_MEASURES },
        withPlaceNames(communities, places),
        "community",
      ),
      reviewTable(
        "publication_overdue",
        { ...LIST_COLUMNS, publication_due: "date", status: "code", reply: "text" },
        publicationOverdue,
      ),
    ],
  };
}

/**
 * The table `alerts` of the month the round counts: asked for once the other tables are
 * on screen, as the surge detector over a month takes longer than all of them together.
 */
export async function loadMonthAlerts(db: Connector, round: Period): Promise<ReviewTable> {
  const closed = closingMonth(round);
  return reviewTable("alerts", ALERT_COLUMNS, await db.query(monthAlertsSql(closed.start, lastDay(closed))));
}
