/** The hand-made fixture's store and metrics for the metric families' tests (see fixture.ts). */
import assert from "node:assert/strict";
import { metrics } from "../../../lib/metrics/runner.ts";
import { DAY_MS } from "../../../lib/time.ts";
import { at, fixtureDb } from "./fixture.ts";

export const db = await fixtureDb();
export const m = metrics(db);
export const close = (actual: unknown, expected: number) =>
  assert.ok(Math.abs((actual as number) - expected) < 1e-9, `${actual} ≠ ${expected}`);
export const pick = (rows: Record<string, unknown>[], ...names: string[]) => rows.map((r) => names.map((n) => r[n]));
export const END_OF = (date: string) => at(`${date} 00:00`) + DAY_MS;
