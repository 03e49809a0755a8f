/** The week's surges, each place and category with its count against the expected one, and the other alerts counted. */
import { type AlertSummary, surgePeriod } from "../../lib/alerts/present.ts";
import { formatCount } from "../../lib/format.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { Counters } from "./Counters.tsx";

export function AlertsScene({ data, lang }: { data: AlertSummary; lang: Lang }) {
  if (!data.surges.length) {
    // Nothing to list: the other two kinds take the screen, readable from across the room.
    return (
      <div class="wall-alerts wall-alerts-quiet">
        <p class="wall-alerts-none" data-empty="surges">{t(lang, "wall.empty.alerts")}</p>
        <Counters
          counters={[
            ["recurrences", "alerts.kind.recurrence", data.recurrences],
            ["deadline_risks", "alerts.kind.deadline_risk", data.deadlineRisks],
          ]}
          lang={lang}
        />
      </div>
    );
  }
  return (
    <div class="wall-alerts">
      <SurgeTable data={data} lang={lang} />
      <p class="wall-alerts-others">
        <span>{t(lang, "alerts.recurrences", { n: formatCount(data.recurrences, lang) })}</span>
        <span>{t(lang, "alerts.deadline_risks", { n: formatCount(data.deadlineRisks, lang) })}</span>
      </p>
    </div>
  );
}

function SurgeTable({ data, lang }: { data: AlertSummary; lang: Lang }) {
  const widest = Math.max(...data.surges.map((s) => Math.max(s.observed, s.upper)));
  return (
    <table class="wall-table">
      <thead>
        <tr>
          <th>{t(lang, "alerts.place")}</th>
          <th>{t(lang, "alerts.category")}</th>
          <th>{t(lang, "alerts.period")}</th>
          <th class="num">{t(lang, "alerts.observed")}</th>
          <th class="num">{t(lang, "alerts.expected")}</th>
          <th class="wall-alert-bar-head">{t(lang, "alerts.upper")}</th>
        </tr>
      </thead>
      <tbody>
        {data.surges.map((s) => (
          <tr key={`${s.placeId}|${s.category}`} data-place={s.placeId}>
            <td class="wall-name">
              <span class="wall-level">{t(lang, `level.${s.level}` as MessageKey)}</span> {s.placeName}
            </td>
            <td>{s.category ?? t(lang, "alerts.all_categories")}</td>
            <td>{surgePeriod(s, lang)}</td>
            <td class="num wall-warn">{formatCount(s.observed, lang)}</td>
            <td class="num">{formatCount(Math.round(s.expected * 10) / 10, lang)}</td>
            <td>
              <span class="wall-alert-bar" title={t(lang, "alerts.upper")}>
                <span class="wall-alert-band" style={{ width: `${(s.upper / widest) * 100}%` }} />
                <span class="wall-alert-observed" style={{ width: `${(s.observed / widest) * 100}%` }} />
                <span class="wall-alert-expected" style={{ left: `${(s.expected / widest) * 100}%` }} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
