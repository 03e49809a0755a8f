/**
 * Frozen review packs: a review's data exactly as presented, saved beside the store
 * (`<store>/reviews/<id>.json`), so a quarter's numbers can be shown again after new
 * imports have changed the store. A pack is written once and never changed.
 */
import type { PeriodKind } from "./period.ts";
import type { ReviewData } from "./review.ts";

export interface ReviewPack extends ReviewData {
  id: string;
  /** When it was frozen (epoch ms). */
  frozenAt: number;
}

/** The list entry of a pack, without its tables. */
export interface PackSummary {
  id: string;
  kind: PeriodKind;
  period: string;
  frozenAt: number;
  asOf: number | null;
  storeVersion: string;
}

const ID = /^(month|quarter|year)-(\d{4}(?:-\d{2}|-Q[1-4])?)-(\d{13})$/;

/** A pack's id names its period and its time, so the list sorts and filters without opening files. */
export function packId(kind: PeriodKind, period: string, frozenAt: number): string {
  return `${kind}-${period}-${String(frozenAt).padStart(13, "0")}`;
}

export function isPackId(id: string): boolean {
  return ID.test(id);
}

/** The review data with its pack identity; refused when it is not a review's whole data. */
export function freeze(data: ReviewData, frozenAt: number): ReviewPack {
  const problems = [
    ["kind", ["month", "quarter", "year"].includes(data?.kind)],
    ["period", typeof data?.period === "string"],
    ["figures", Array.isArray(data?.figures)],
    ["tables", Array.isArray(data?.tables) && data.tables.every((t) => Array.isArray(t.rows))],
    ["storeVersion", typeof data?.storeVersion === "string"],
  ].filter(([, ok]) => !ok).map(([name]) => name);
  if (problems.length) throw new Error(`not a review's data: ${problems.join(", ")} missing or wrong`);
  const id = packId(data.kind, data.period, frozenAt);
  if (!isPackId(id)) throw new Error(`not a review period: ${data.period}`);
  return { ...data, id, frozenAt };
}

export function summarise(pack: ReviewPack): PackSummary {
  const { id, kind, period, frozenAt, asOf, storeVersion } = pack;
  return { id, kind, period, frozenAt, asOf, storeVersion };
}
