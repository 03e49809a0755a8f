/** The words sources wrote that the vocabularies did not know, with what each was stored as. */
import { formatCount } from "../../lib/format.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import type { SourceWord } from "../../lib/metrics/data_quality.ts";

export function WordsTable({ words, lang }: { words: SourceWord[]; lang: Lang }) {
  if (words.length === 0) return <p>{t(lang, "quality.none")}</p>;
  return (
    <div class="quality-scroll">
      <table class="admin-table" data-table="words">
        <thead>
          <tr>
            <th>{t(lang, "quality.col.word_field")}</th>
            <th>{t(lang, "quality.col.word")}</th>
            <th>{t(lang, "quality.col.code")}</th>
            <th class="num">{t(lang, "quality.col.rows")}</th>
          </tr>
        </thead>
        <tbody>
          {words.map((w) => (
            <tr key={`${w.field}/${w.word}`} data-word={`${w.field}:${w.word}`} data-rows={w.rows}>
              <td>{t(lang, `quality.word_field.${w.field}`)}</td>
              <td>{w.word}</td>
              <td>{w.code ?? "—"}</td>
              <td class="num">{formatCount(w.rows, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
