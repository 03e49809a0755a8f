/**
 * A review's data: computed in this page's DuckDB from the store (live), or a frozen
 * pack fetched as saved, never recomputed. Marks the page ready once it is on screen.
 */
import { useEffect, useState } from "preact/hooks";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import { loadMonthAlerts, loadMonthReview } from "../../lib/reviews/load_month.ts";
import { loadPeriodReview } from "../../lib/reviews/load_period.ts";
import type { PackSummary, ReviewPack } from "../../lib/reviews/pack.ts";
import { parsePeriod, type PeriodKind } from "../../lib/reviews/period.ts";
import type { ReviewData, ReviewTable } from "../../lib/reviews/review.ts";
import { markError, markReady, openStore } from "../common/store.ts";
import type { QueryState } from "../common/use_store_query.ts";

const PACKS_URL = "/api/reviews/packs";

export interface ReviewSource {
  engine: EngineUrls;
  kind: PeriodKind;
  period: string;
  /** A frozen pack's id, or null for the live figures. */
  pack: string | null;
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? response.statusText);
  return body;
}

async function loadReview({ engine, kind, period, pack }: ReviewSource): Promise<ReviewData | ReviewPack> {
  if (pack) return await fetchJson<ReviewPack>(`${PACKS_URL}/${encodeURIComponent(pack)}`);
  const parsed = parsePeriod(kind, period);
  if (!parsed) throw new Error(`not a ${kind}: ${period}`);
  const { db, manifest } = await openStore(engine);
  return kind === "month"
    ? await loadMonthReview(db, parsed, manifest.version)
    : await loadPeriodReview(db, parsed, manifest.version);
}

export function useReview(source: ReviewSource): QueryState<ReviewData | ReviewPack> {
  const [state, setState] = useState<QueryState<ReviewData | ReviewPack>>({ status: "loading" });
  useEffect(() => {
    loadReview(source).then(
      (data) => setState({ status: "ready", data }),
      (e: Error) => {
        console.warn(e);
        markError(e.message);
        setState({ status: "error", message: e.message });
      },
    );
  }, []);
  useEffect(() => {
    if (state.status === "ready") markReady();
  }, [state.status]);
  return state;
}

/**
 * A live month's table of alerts, computed once the review's other figures are in; null
 * for a frozen pack (which holds the table it was frozen with) and for the other periods.
 */
export function useMonthAlerts(source: ReviewSource, ready: boolean): QueryState<ReviewTable> | null {
  const live = !source.pack && source.kind === "month";
  const [state, setState] = useState<QueryState<ReviewTable>>({ status: "loading" });
  useEffect(() => {
    if (!live || !ready) return;
    const round = parsePeriod("month", source.period)!;
    openStore(source.engine).then(({ db }) => loadMonthAlerts(db, round)).then(
      (data) => setState({ status: "ready", data }),
      (e: Error) => {
        console.warn(e);
        setState({ status: "error", message: e.message });
      },
    );
  }, [ready]);
  return live ? state : null;
}

/** The frozen packs of this period, newest first; empty while loading, when the list fails or is not the role's. */
export function usePacks(
  kind: PeriodKind,
  period: string,
  allowed: boolean,
): [PackSummary[], (p: PackSummary) => void] {
  const [packs, setPacks] = useState<PackSummary[]>([]);
  useEffect(() => {
    if (!allowed) return;
    fetchJson<PackSummary[]>(`${PACKS_URL}?kind=${kind}&period=${encodeURIComponent(period)}`).then(
      setPacks,
      (e) => console.warn(e),
    );
  }, []);
  return [packs, (p) => setPacks((list) => [p, ...list])];
}

/** Saves what the page shows as a frozen pack. */
export function freezeReview(data: ReviewData): Promise<PackSummary> {
  return fetchJson<PackSummary>(PACKS_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(data),
  });
}
