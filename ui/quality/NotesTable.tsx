/** The import notes counted by import and field, the newest import first. */
import { formatCount, formatDateTime } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { NoteGroup } from "./quality_data.ts";
import { ScrollTable } from "./ScrollTable.tsx";

export function NotesTable({ notes, lang }: { notes: NoteGroup[]; lang: Lang }) {
  if (notes.length === 0) return <p>{t(lang, "quality.none")}</p>;
  return (
    <ScrollTable
      name="notes"
      columns={[
        { text: t(lang, "quality.col.imported") },
        { text: t(lang, "quality.col.import") },
        { text: t(lang, "quality.col.table") },
        { text: t(lang, "quality.col.file") },
        { text: t(lang, "quality.col.field") },
        { text: t(lang, "quality.col.notes"), num: true },
        { text: t(lang, "quality.col.example") },
      ]}
    >
      {notes.map((n) => (
        <tr key={`${n.import_id}/${n.table_name}/${n.file}/${n.field}`} data-notes={n.notes}>
          <td>{formatDateTime(n.noted_at, lang)}</td>
          <td>{n.import_id}</td>
          <td>{n.table_name}</td>
          <td>{n.file}</td>
          <td>{n.field || t(lang, "quality.row_field")}</td>
          <td class="num">{formatCount(n.notes, lang)}</td>
          <td>{`${n.first_row}: ${n.example}`}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
