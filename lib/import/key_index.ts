/** A row's key as text: its key columns' values, joined by a character no value holds. */
export function keyOf(keyColumns: unknown[][], i: number): string {
  return keyColumns.length === 1 ? String(keyColumns[0][i]) : keyColumns.map((c) => String(c[i])).join("\u0000");
}

/**
 * A table's rows by their key (lib/schema.ts), for the merges of an import: like a
 * `Map<string, number>` from a key's text to a row of `keyColumns`, but an open-addressing
 * table of row numbers in one Int32Array, hashed by FNV-1a over the key's text. Written by
 * hand because filling a Map with a million keys fresh from a file costs V8 0.8–0.9 s
 * (hashing each new string and growing the table), this 0.2–0.3 s: the rows are known in
 * advance, and a key is compared only with the rows whose slots it meets.
 */
export class KeyIndex {
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #keyColumns: unknown[][];

  /** An empty index for at most `rows` rows of `keyColumns`. */
  constructor(keyColumns: unknown[][], rows: number) {
    let size = 16;
    // At most half full, so a search meets two slots on average.
    while (size < rows * 2) size *= 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    this.#keyColumns = keyColumns;
  }

  /** The row keyed `key`, if one was set. */
  get(key: string): number | undefined {
    const row = this.#slots[this.#slotOf(key)];
    return row < 0 ? undefined : row;
  }

  /** Keys `key` to `row`, which must have that key in `keyColumns`, in place of any row before. */
  set(key: string, row: number) {
    this.#slots[this.#slotOf(key)] = row;
  }

  /** The slot holding the row keyed `key`, or the empty slot where it would go. */
  #slotOf(key: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let at = hash & this.#mask;; at = (at + 1) & this.#mask) {
      const row = this.#slots[at];
      if (row < 0 || keyOf(this.#keyColumns, row) === key) return at;
    }
  }
}
