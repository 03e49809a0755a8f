/**
 * Volumes and rates: tickets, tickets per 1,000 households, and period over period
 * (the previous period at the same grain, or the same period a year earlier).
 */
import { aggregateSql, type Filter, type GroupBy, groupKeys, periodSql, type TimeGrain } from "./filter.ts";
import { householdsSql } from "./places.ts";
import { localDate, ratio, timestampLiteral } from "./sql.ts";
import { UTC_OFFSET_HOURS } from "../time.ts";

export type Comparison = "previous" | "year";

export interface VolumeOptions {
  /** Adds `previous`, `change` and `change_rate`; needs a time grouping. */
  compare?: Comparison;
  /** For the first period's bucket when comparing; the deployment's offset by default. */
  utcOffsetHours?: number;
}

const STEP: Record<TimeGrain, string> = {
  day: "INTERVAL 1 DAY",
  week: "INTERVAL 7 DAY",
  month: "INTERVAL 1 MONTH",
  quarter: "INTERVAL 3 MONTH",
  year: "INTERVAL 1 YEAR",
};

/** A year back at each grain; weeks step 52 weeks so that a Monday stays a Monday. */
const YEAR_BACK: Record<TimeGrain, string> = { ...STEP, day: "INTERVAL 1 YEAR", week: "INTERVAL 364 DAY" };

export function volumeSql(filter: Filter, groupBy: GroupBy, options: VolumeOptions = {}): string {
  const { keys } = groupKeys(groupBy);
  const placeJoin = groupBy.place ? "h.place_id = c.place_id" : "TRUE";
  const measures = ["count(*) AS tickets"];
  if (!options.compare) {
    return `WITH c AS (${aggregateSql(filter, groupBy, measures)}),
h AS (${householdsSql(filter, groupBy)})
SELECT c.*, h.households, ${ratio("1000.0 * c.tickets", "h.households")} AS per_1000_households
FROM c LEFT JOIN h ON ${placeJoin}
ORDER BY ${keys.length ? keys.map((k) => `c.${k}`).join(", ") : "1"}`;
  }
  if (!groupBy.time) throw new Error("a period-over-period comparison needs a time grouping");
  const back = (options.compare === "year" ? YEAR_BACK : STEP)[groupBy.time];
  // The previous period of the first one lies before `from`, so the counts start a step earlier.
  const widened = { ...filter, from: undefined };
  const fromCondition = filter.from === undefined ? [] : [`created_at >= ${timestampLiteral(filter.from)} - ${back}`];
  const firstPeriod = filter.from === undefined ? "TRUE" : `c.period >= ${
    periodSql(
      groupBy.time,
      localDate(timestampLiteral(filter.from), options.utcOffsetHours ?? UTC_OFFSET_HOURS),
    )
  }`;
  const sameGroup = keys.filter((k) => k !== "period").map((k) => `p.${k} IS NOT DISTINCT FROM c.${k}`);
  return `WITH c AS (${aggregateSql(widened, groupBy, measures, { where: fromCondition })}),
h AS (${householdsSql(filter, groupBy)})
SELECT c.*, h.households, ${ratio("1000.0 * c.tickets", "h.households")} AS per_1000_households,
  coalesce(p.tickets, 0) AS previous,
  c.tickets - coalesce(p.tickets, 0) AS change,
  ${ratio("c.tickets - p.tickets", "p.tickets")} AS change_rate
FROM c
LEFT JOIN h ON ${placeJoin}
LEFT JOIN c p ON ${["p.period = c.period - " + back, ...sameGroup].join(" AND ")}
WHERE ${firstPeriod}
ORDER BY ${keys.map((k) => `c.${k}`).join(", ")}`;
}
