/**
 * "数据截至 …": the data's as-of, and a warning once the server has not confirmed the
 * figures for longer than the configured limit. It keeps its own one-second clock, so
 * the warning appears even while nothing else on the wall changes.
 */
import { useEffect, useState } from "preact/hooks";
import { type Lang, t } from "../../lib/i18n.ts";
import { UTC_OFFSET_HOURS } from "../../lib/time.ts";
import { freshness, localTimeLabel, minutesSince } from "../../lib/wall/freshness.ts";

const TICK_MS = 1_000;

export function FreshnessBadge({ asOf, syncedAt, online, staleAfterMs, lang }: {
  asOf: number | null;
  syncedAt: number | null;
  online: boolean;
  staleAfterMs: number;
  lang: Lang;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // Before the first sync there is nothing to date, only possibly a connection to wait for.
  const state = syncedAt === null ? "stale" : freshness(syncedAt, now, staleAfterMs);
  if (syncedAt === null && online) return null;
  const offset = UTC_OFFSET_HOURS;
  return (
    <div class={`wall-freshness is-${state}`} data-freshness={state} data-online={String(online)} role="status">
      {asOf !== null && (
        <span class="wall-as-of">{t(lang, "state.data_as_of", { time: localTimeLabel(asOf, now, offset) })}</span>
      )}
      {state === "stale" && syncedAt !== null && (
        <span class="wall-stale">{t(lang, "wall.stale", { minutes: minutesSince(syncedAt, now) })}</span>
      )}
      {!online && <span class="wall-offline">{t(lang, "wall.offline")}</span>}
    </div>
  );
}
