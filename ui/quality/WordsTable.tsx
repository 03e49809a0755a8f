/** The words sources wrote that the vocabularies did not know, with what each was stored as. */
import { formatCount } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { SourceWord } from "../../lib/metrics/data_quality.ts";
import { ScrollTable } from "./ScrollTable.tsx";

export function WordsTable({ words, lang }: { words: SourceWord[]; lang: Lang }) {
  if (words.length === 0) return <p>{t(lang, "quality.none")}</p>;
  return (
    <ScrollTable
      name="words"
      columns={[
        { text: t(lang, "quality.col.word_field") },
        { text: t(lang, "quality.col.word") },
        { text: t(lang, "quality.col.code") },
        { text: t(lang, "quality.col.rows"), num: true },
      ]}
    >
      {words.map((w) => (
        <tr key={`${w.field}/${w.word}`} data-word={`${w.field}:${w.word}`} data-rows={w.rows}>
          <td>{t(lang, `quality.word_field.${w.field}`)}</td>
          <td>{w.word}</td>
          <td>{w.code ?? "—"}</td>
          <td class="num">{formatCount(w.rows, lang)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
