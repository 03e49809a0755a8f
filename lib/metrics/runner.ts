/**
 * Runs the metric builders on a Connector, so the browser (DuckDB-WASM in a worker) and
 * Deno (the blocking build) ask for a metric the same way:
 * `await metrics(db).rates(filter, { place: "street", time: "month" })`.
 */
import type { Connector, Row } from "../db/connector.ts";
import { backlogSql, overdueListSql } from "./backlog.ts";
import { callbacksSql } from "./callbacks.ts";
import { coverageGapsSql, coverageSql, priorityListSql } from "./coverage.ts";
import { escalationSql } from "./escalation.ts";
import { publicationSql } from "./publication.ts";
import { ratesSql } from "./rates.ts";
import { mergedSql, repeatsSql } from "./repeats.ts";
import { resolutionSql } from "./resolution.ts";
import { satisfactionSql } from "./satisfaction.ts";
import { volumeSql } from "./volume.ts";

export const METRIC_BUILDERS = {
  volume: volumeSql,
  resolution: resolutionSql,
  backlog: backlogSql,
  overdueList: overdueListSql,
  rates: ratesSql,
  satisfaction: satisfactionSql,
  callbacks: callbacksSql,
  publication: publicationSql,
  escalation: escalationSql,
  repeats: repeatsSql,
  merged: mergedSql,
  coverage: coverageSql,
  coverageGaps: coverageGapsSql,
  priorityList: priorityListSql,
};

type Builders = typeof METRIC_BUILDERS;
export type Metrics = {
  [K in keyof Builders]: (...args: Parameters<Builders[K]>) => Promise<Row[]>;
};

/** The metrics bound to a connection whose `ticket_facts` view exists (see createViews). */
export function metrics(db: Connector): Metrics {
  return Object.fromEntries(
    Object.entries(METRIC_BUILDERS).map(([name, build]) => [
      name,
      (...args: unknown[]) => db.query((build as (...a: unknown[]) => string)(...args)),
    ]),
  ) as Metrics;
}
