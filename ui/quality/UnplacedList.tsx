/** The newest tickets not placed for one reason, with the compounds an unmatched address may mean. */
import { formatCount, formatDateTime } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { UnplacedReason } from "../../lib/metrics/data_quality.ts";
import type { Suggestion, UnplacedTicket } from "./quality_data.ts";
import { ScrollTable } from "./ScrollTable.tsx";

const coordinates = (r: UnplacedTicket) => r.lon == null || r.lat == null ? "—" : `${r.lon}, ${r.lat}`;

/** Which compounds each reason's list offers: by name for an address, the nearest for a point; none outside the district. */
const SUGGESTED: Partial<Record<UnplacedReason, "quality.col.suggestions" | "quality.col.nearest">> = {
  address_not_matched: "quality.col.suggestions",
  outside_compounds: "quality.col.nearest",
};

function suggestionText(list: Suggestion[] | undefined, lang: Lang): string {
  if (!list?.length) return "—";
  return list.map((s) =>
    s.metres == null ? s.name : t(lang, "quality.at_metres", { name: s.name, metres: formatCount(s.metres, lang) })
  ).join(t(lang, "quality.list_separator"));
}

export function UnplacedList({ reason, count, rows, suggestions, lang }: {
  reason: UnplacedReason;
  count: number;
  rows: UnplacedTicket[];
  suggestions: Map<string, Suggestion[]>;
  lang: Lang;
}) {
  const suggested = SUGGESTED[reason];
  return (
    <div class="quality-list" data-list={reason}>
      <p class="quality-hint">{t(lang, `quality.reason_hint.${reason}`)}</p>
      {rows.length < count && (
        <p class="quality-hint">
          {t(lang, "quality.list_shown", { shown: formatCount(rows.length, lang), count: formatCount(count, lang) })}
        </p>
      )}
      {rows.length === 0 ? <p>{t(lang, "quality.none")}</p> : (
        <ScrollTable
          name="unplaced"
          columns={[
            { text: t(lang, "quality.col.ticket") },
            { text: t(lang, "quality.col.created") },
            { text: t(lang, "quality.col.address") },
            ...reason === "address_not_matched" ? [] : [{ text: t(lang, "quality.col.coordinates") }],
            ...suggested ? [{ text: t(lang, suggested) }] : [],
            { text: t(lang, "quality.col.community") },
          ]}
        >
          {rows.map((r) => (
            <tr key={r.ticket_id} data-ticket={r.ticket_id}>
              <td>{r.ticket_id}</td>
              <td>{formatDateTime(r.created_at, lang)}</td>
              <td>{r.address ?? "—"}</td>
              {reason !== "address_not_matched" && <td>{coordinates(r)}</td>}
              {suggested && <td data-suggestions>{suggestionText(suggestions.get(r.ticket_id), lang)}</td>}
              <td>{r.community_id ?? "—"}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </div>
  );
}
