/**
 * The words real systems write for a ticket's status, kind and source and a callback's
 * result, to the product's codes. The table is data (data/config/vocabularies.json),
 * extended per file by the mapping's `values` (`{"status": {"网格员处理": "closed"}}`).
 * A word is looked up whole (case and surrounding spaces ignored), then by the first
 * listed fragment it contains, so that 网格员关闭 is closed and 未办结 is not. A word
 * neither finds is counted, so the summary can say which words a mapping should add.
 */
import table from "../../data/config/vocabularies.json" with { type: "json" };
import { CALLBACK_RESULTS, TICKET_KINDS, TICKET_STATUSES } from "../schema.ts";

export const VOCABULARY_FIELDS = ["status", "kind", "source", "result"] as const;
export type VocabularyField = typeof VOCABULARY_FIELDS[number];

/** The codes a field's words may map to; null: any text (sources are named, not coded). */
export const CODES: Record<VocabularyField, readonly string[] | null> = {
  status: TICKET_STATUSES,
  kind: TICKET_KINDS,
  source: null,
  result: CALLBACK_RESULTS,
};

interface FieldTable {
  words: Record<string, string[]>;
  contains: [string, string][];
}

const normal = (word: string) => word.trim().toLowerCase();

export class Vocabulary {
  readonly #words = new Map<string, string>();
  readonly #contains: [string, string][];
  /** Codes of the words seen so far: a file repeats a handful of words a million times. */
  readonly #seen = new Map<string, string | null>();
  /** Words not recognised, with how often each was seen. */
  readonly unrecognised = new Map<string, number>();

  constructor(readonly field: VocabularyField, extra: Record<string, string> = {}) {
    const t = (table as unknown as Record<string, FieldTable>)[field];
    for (const [code, words] of Object.entries(t.words)) for (const w of words) this.#words.set(normal(w), code);
    for (const [word, code] of Object.entries(extra)) this.#words.set(normal(word), code);
    this.#contains = t.contains.map(([fragment, code]) => [normal(fragment), code]);
  }

  /** The code for a word, or null (and the word counted) when the table does not know it. */
  code(word: string): string | null {
    let code = this.#seen.get(word);
    if (code === undefined) this.#seen.set(word, code = this.lookUp(word));
    if (code === null) this.unrecognised.set(word, (this.unrecognised.get(word) ?? 0) + 1);
    return code;
  }

  /** The code for a word, or null, without counting it (for pages listing stored words). */
  lookUp(word: string): string | null {
    const w = normal(word);
    return this.#words.get(w) ?? this.#contains.find(([fragment]) => w.includes(fragment))?.[1] ?? null;
  }
}

/** The vocabularies of one import, with the mapping's additions. */
export function vocabularies(values: Partial<Record<VocabularyField, Record<string, string>>> = {}) {
  return Object.fromEntries(VOCABULARY_FIELDS.map((f) => [f, new Vocabulary(f, values[f])])) as Record<
    VocabularyField,
    Vocabulary
  >;
}

/** `status words not recognised: 网格员处理 (114), 待审核 (3)`, most frequent first, or null. */
export function unrecognisedLine(vocabulary: Vocabulary, shown = 10): string | null {
  if (vocabulary.unrecognised.size === 0) return null;
  const words = [...vocabulary.unrecognised].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const more = words.length > shown ? `, and ${words.length - shown} more` : "";
  return `${vocabulary.field} words not recognised: ${
    words.slice(0, shown).map(([w, n]) => `${w} (${n})`).join(", ")
  }${more}`;
}
