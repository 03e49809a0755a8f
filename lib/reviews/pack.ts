/**
 * Frozen review packs: a review's data exactly as presented, saved beside the store
 * (`<store>/reviews/<id>.json`), so a quarter's numbers can be shown again after new
 * imports have changed the store. A pack is written once and never changed.
 */
import { parsePeriod, type PeriodKind } from "./period.ts";
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

/** Packs frozen before ids carried a random part end at the time. */
const ID = /^(month|quarter|year)-(\d{4}(?:-\d{2}|-Q[1-4])?)-(\d{13})(?:-[0-9a-f]{12})?$/;

/**
 * A pack's id names its period and its time, so the list sorts and filters without opening
 * files, and ends in a random part, so two packs frozen in the same millisecond are two.
 */
export function packId(kind: PeriodKind, period: string, frozenAt: number, nonce = randomPart()): string {
  return `${kind}-${period}-${String(frozenAt).padStart(13, "0")}-${nonce}`;
}

const randomPart = () => crypto.randomUUID().replaceAll("-", "").slice(0, 12);

export function isPackId(id: string): boolean {
  return ID.test(id);
}

/** Data that is not a review's whole data, with what is wrong; its message is safe to show the client. */
export class PackRefused extends Error {}

/** The review data with its pack identity; refused when it is not a review's whole data. */
export function freeze(data: ReviewData, frozenAt: number): ReviewPack {
  const problems = [
    ["kind", ["month", "quarter", "year"].includes(data?.kind)],
    ["period", typeof data?.period === "string"],
    ["figures", Array.isArray(data?.figures)],
    ["tables", Array.isArray(data?.tables) && data.tables.every((t) => Array.isArray(t.rows))],
    ["storeVersion", typeof data?.storeVersion === "string"],
  ].filter(([, ok]) => !ok).map(([name]) => name);
  if (problems.length) throw new PackRefused(`not a review's data: ${problems.join(", ")} missing or wrong`);
  if (!parsePeriod(data.kind, data.period)) throw new PackRefused(`not a review period: ${data.kind} ${data.period}`);
  const id = packId(data.kind, data.period, frozenAt);
  return { ...data, id, frozenAt };
}

export function summarise(pack: ReviewPack): PackSummary {
  const { id, kind, period, frozenAt, asOf, storeVersion } = pack;
  return { id, kind, period, frozenAt, asOf, storeVersion };
}
