/**
 * Recent closures as a rolling list: the rows scroll up in a loop (drawn twice, so the
 * loop has no seam), paused while the scene is off screen.
 */
import { type Lang, t } from "../../lib/i18n.ts";
import { UTC_OFFSET_HOURS } from "../../lib/time.ts";
import { shortDateTime } from "../../lib/wall/freshness.ts";
import type { ClosureRow } from "../../lib/wall/scene_data.ts";

/** Seconds each row takes to scroll past. */
const SECONDS_PER_ROW = 2.5;
const RESULTS = new Set(["satisfied", "basic", "unsatisfied"]);
const LEVELS = new Set(["building", "compound", "community", "street", "district"]);

function status(r: ClosureRow, lang: Lang): string {
  const parts = [r.status];
  if (r.resolvedLevel && LEVELS.has(r.resolvedLevel)) {
    parts.push(t(lang, "wall.resolved_at", { level: t(lang, `level.${r.resolvedLevel as "building"}`) }));
  }
  if (r.callbackResult && RESULTS.has(r.callbackResult)) {
    parts.push(t(lang, `wall.result.${r.callbackResult as "satisfied"}`));
  }
  return parts.join(" · ");
}

export function ClosuresScene({ rows, lang }: { rows: ClosureRow[]; lang: Lang }) {
  const line = (r: ClosureRow, copy: string) => (
    <li key={`${copy}${r.ticketId}`} aria-hidden={copy ? "true" : undefined}>
      <span class="wall-time">{shortDateTime(r.closedAt, UTC_OFFSET_HOURS)}</span>
      <span class="wall-name">{r.community} · {r.compound}</span>
      <span>{r.category}</span>
      <span class="wall-ok">{status(r, lang)}</span>
    </li>
  );
  return (
    <div class="wall-closures">
      <div class="wall-closures-head">
        <span>{t(lang, "wall.time")}</span>
        <span>{t(lang, "wall.place")}</span>
        <span>{t(lang, "wall.category")}</span>
        <span>{t(lang, "wall.status")}</span>
      </div>
      <div class="wall-roll">
        <ul class="wall-roll-list" style={{ animationDuration: `${rows.length * SECONDS_PER_ROW}s` }}>
          {rows.map((r) => line(r, ""))}
          {rows.map((r) => line(r, "copy-"))}
        </ul>
      </div>
    </div>
  );
}
