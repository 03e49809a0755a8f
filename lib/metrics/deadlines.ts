/**
 * Deadline rules and the other clocks, as configuration: deployments differ, so none of
 * these is a constant in the SQL. The defaults are data/config/deadlines.json.
 */
import defaults from "../../data/config/deadlines.json" with { type: "json" };
import { sqlString } from "./sql.ts";

export interface DeadlineRule {
  /** Matches tickets of this kind; any kind when absent. */
  kind?: string;
  /** Matches tickets of this category; any category when absent. */
  category?: string;
  /** Working days after the local day of receipt (which itself does not count). */
  workdays: number;
}

export interface MetricsConfig {
  /** Local time = UTC + this; local dates drive calendars and monthly deadlines. */
  utcOffsetHours: number;
  resolution: {
    /** The deadline when no rule matches. */
    defaultWorkdays: number;
    /** The most specific match wins (kind and category, then category, then kind); ties go to the first. */
    rules: DeadlineRule[];
  };
  /** The result is published within this many calendar days after closing (7日内公示). */
  publicationDays: number;
  /** Whether `publicationDays` counts calendar days (the default) or working days on the official calendar. */
  publicationDayKind?: "calendar" | "working";
  /** A ticket counts as responded to when dispatched (or, without a dispatch, accepted) within this many hours. */
  responseHours: number;
  /** A closed ticket is to be called back by this day of the month after the month it closed in. */
  callbackDayOfNextMonth: number;
  repeats: {
    windowDays: number;
    minCount: number;
  };
}

export const DEFAULT_CONFIG: MetricsConfig = validateConfig(defaults as MetricsConfig);

/** Checks a configuration read from JSON, so a typo fails at load rather than as wrong figures. */
export function validateConfig(config: MetricsConfig): MetricsConfig {
  const positive = (value: unknown, name: string) => {
    if (typeof value !== "number" || !(value >= 0)) throw new Error(`deadline config: ${name} must be a number ≥ 0`);
  };
  if (typeof config.utcOffsetHours !== "number" || Math.abs(config.utcOffsetHours) > 14) {
    throw new Error("deadline config: utcOffsetHours must be a number between -14 and 14");
  }
  positive(config.resolution?.defaultWorkdays, "resolution.defaultWorkdays");
  config.resolution.rules.forEach((rule, i) => {
    positive(rule.workdays, `resolution.rules[${i}].workdays`);
    if (!Number.isInteger(rule.workdays)) throw new Error(`deadline config: rules[${i}].workdays must be whole days`);
    if (rule.kind === undefined && rule.category === undefined) {
      throw new Error(`deadline config: resolution.rules[${i}] names neither a kind nor a category`);
    }
  });
  positive(config.publicationDays, "publicationDays");
  if (![undefined, "calendar", "working"].includes(config.publicationDayKind)) {
    throw new Error(`deadline config: publicationDayKind must be "calendar" or "working"`);
  }
  positive(config.responseHours, "responseHours");
  positive(config.callbackDayOfNextMonth, "callbackDayOfNextMonth");
  positive(config.repeats?.windowDays, "repeats.windowDays");
  positive(config.repeats?.minCount, "repeats.minCount");
  return config;
}

/** The rules most specific first, as the CASE in the view evaluates them. */
export function rulesBySpecificity(rules: DeadlineRule[]): DeadlineRule[] {
  const rank = (
    r: DeadlineRule,
  ) => (r.kind !== undefined && r.category !== undefined ? 0 : r.category !== undefined ? 1 : 2);
  return rules.map((rule, i) => ({ rule, i })).sort((a, b) => rank(a.rule) - rank(b.rule) || a.i - b.i).map((r) =>
    r.rule
  );
}

/** The working days a ticket `t` has, by the most specific matching rule, as SQL (ticket_facts and deadline risk). */
export function deadlineWorkdaysSql(config: MetricsConfig): string {
  const whens = rulesBySpecificity(config.resolution.rules).map((r) => {
    const conditions = [
      r.kind !== undefined ? `t.kind = ${sqlString(r.kind)}` : "",
      r.category !== undefined ? `t.category = ${sqlString(r.category)}` : "",
    ].filter(Boolean);
    return `WHEN ${conditions.join(" AND ")} THEN ${r.workdays}`;
  });
  const fallback = String(config.resolution.defaultWorkdays);
  return whens.length ? `CASE ${whens.join("\n      ")}\n      ELSE ${fallback} END` : fallback;
}
