/**
 * The early-warning (预警) settings. Deployments differ in how many alerts their office
 * can follow up, so the false-discovery rate and the windows are configuration.
 */
export interface AlertsConfig {
  /** Benjamini–Hochberg false-discovery rate across all series judged on a day. */
  q: number;
  /** Days of history a series' expected count is estimated from ("the recent level"). */
  baselineDays: number;
  /** Days between the baseline and the judged period, so an ongoing surge does not raise its own expectation. */
  guardDays: number;
  /** A series whose baseline holds fewer tickets than this is too small to judge (with none, any ticket would be infinitely many). */
  minBaselineTickets: number;
  /** Days judged by the `alerts` view, ending at the store's newest day ("new this week"). */
  judgedDays: number;
  /** A ticket of the same place and category received within this many days after one was closed recurs (复诉). */
  recurrenceDays: number;
  /** Open tickets whose probability of missing their deadline is at least this are listed. */
  riskThreshold: number;
}

export const DEFAULT_ALERTS: AlertsConfig = {
  q: 0.05,
  baselineDays: 28,
  guardDays: 7,
  minBaselineTickets: 1,
  judgedDays: 7,
  recurrenceDays: 30,
  riskThreshold: 0.5,
};

export function alertsConfig(overrides: Partial<AlertsConfig> = {}): AlertsConfig {
  const config = { ...DEFAULT_ALERTS, ...overrides };
  if (!(config.q > 0 && config.q < 1)) throw new Error("alerts: q must lie between 0 and 1");
  for (const key of ["baselineDays", "guardDays", "minBaselineTickets", "judgedDays", "recurrenceDays"] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 0) throw new Error(`alerts: ${key} must be a whole number ≥ 0`);
  }
  if (config.baselineDays < 7) throw new Error("alerts: baselineDays must be at least 7");
  if (!(config.riskThreshold >= 0 && config.riskThreshold <= 1)) {
    throw new Error("alerts: riskThreshold must lie between 0 and 1");
  }
  return config;
}
