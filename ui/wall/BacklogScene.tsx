/** Open tickets by age with the overdue share of each age, the longest overdue, and the buildings where overdue tickets gather. */
import type { ComponentChildren } from "preact";
import { formatCount } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { AgeBucket, BacklogSceneData } from "../../lib/wall/scene_data.ts";
import { Counters } from "./Counters.tsx";

const ageLabel = (b: AgeBucket, lang: Lang) =>
  b.toDays === null
    ? t(lang, "wall.age_over", { from: b.fromDays })
    : t(lang, "wall.age_range", { from: b.fromDays, to: b.toDays });

export function BacklogScene({ data, lang }: { data: BacklogSceneData; lang: Lang }) {
  const widest = Math.max(1, ...data.buckets.map((b) => b.open));
  return (
    <div class="wall-backlog">
      <Counters
        counters={[["wall_open", "metric.open", data.open], ["wall_overdue", "wall.overdue", data.overdue]]}
        lang={lang}
      />
      <div class="wall-panel">
        <h3>{t(lang, "wall.backlog_ages")}</h3>
        <ul class="wall-ages">
          {data.buckets.map((b) => (
            <li key={b.fromDays}>
              <span class="wall-age-label">{ageLabel(b, lang)}</span>
              <span class="wall-age-bar" style={{ width: `${(100 * b.open) / widest}%` }}>
                <span class="wall-age-overdue" style={{ width: `${(100 * b.overdue) / Math.max(1, b.open)}%` }} />
              </span>
              <span class="wall-age-value">{formatCount(b.open, lang)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div class="wall-panel">
        <h3>{t(lang, "wall.longest_overdue")}</h3>
        <List rows={data.longest} empty={t(lang, "wall.no_overdue")}>
          {(r) => (
            <li key={r.ticketId}>
              <span class="wall-name">{r.place}</span>
              <span>{r.category}</span>
              <span class="wall-warn">{t(lang, "wall.overdue_days", { days: Math.floor(r.overdueDays) })}</span>
            </li>
          )}
        </List>
        <h3>{t(lang, "wall.overdue_buildings")}</h3>
        <List rows={data.buildings} empty={t(lang, "wall.no_overdue_buildings")}>
          {(b) => (
            <li key={b.id}>
              <span class="wall-name">{b.compound} {b.name}</span>
              <span class="wall-warn">{formatCount(b.overdue, lang)}</span>
            </li>
          )}
        </List>
      </div>
    </div>
  );
}

/** A list of rows, or what stands in for it when there are none. */
function List<T>({ rows, empty, children }: { rows: T[]; empty: string; children: (row: T) => ComponentChildren }) {
  return rows.length ? <ul class="wall-list">{rows.map(children)}</ul> : <p class="wall-message">{empty}</p>;
}
