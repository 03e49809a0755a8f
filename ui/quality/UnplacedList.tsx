/** The newest tickets not placed for one reason, with the compounds an unmatched address may mean. */
import { formatCount, formatDateTime } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { UnplacedReason } from "../../lib/metrics/data_quality.ts";
import type { UnplacedTicket } from "./quality_data.ts";
import { ScrollTable } from "./ScrollTable.tsx";

const coordinates = (r: UnplacedTicket) => r.lon == null || r.lat == null ? "—" : `${r.lon}, ${r.lat}`;

export function UnplacedList({ reason, count, rows, suggestions, lang }: {
  reason: UnplacedReason;
  count: number;
  rows: UnplacedTicket[];
  suggestions: Map<string, string[]>;
  lang: Lang;
}) {
  const matching = reason === "address_not_matched";
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
            { text: t(lang, matching ? "quality.col.suggestions" : "quality.col.coordinates") },
            { text: t(lang, "quality.col.community") },
          ]}
        >
          {rows.map((r) => (
            <tr key={r.ticket_id} data-ticket={r.ticket_id}>
              <td>{r.ticket_id}</td>
              <td>{formatDateTime(r.created_at, lang)}</td>
              <td>{r.address ?? "—"}</td>
              {matching
                ? <td data-suggestions>{(suggestions.get(r.ticket_id) ?? []).join("、") || "—"}</td>
                : <td>{coordinates(r)}</td>}
              <td>{r.community_id ?? "—"}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </div>
  );
}
