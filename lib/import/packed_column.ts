/**
 * A column of values as a worker posts it to the thread that joins the parts of a file
 * (ticket_parts.ts): numbers as a Float64Array (null as NaN), moved rather than copied;
 * text that repeats (statuses, categories, H3 cells of one area) as its words once and a
 * code per row, which the receiver turns back into rows sharing one string per word. A
 * million tickets' columns then cost a fraction of the time to post and of the memory
 * to hold; anything else is posted as it is.
 */
export type PackedColumn = unknown[] | { numbers: Float64Array } | { words: string[]; codes: Int32Array };

/** Words kept at most, against the rows: above this share a column is posted as it is. */
const MAX_WORD_SHARE = 1 / 4;

/**
 * Rows after which a column whose words are still nearly all distinct (ids, addresses,
 * phones) is given up on: it would fill its Map to the share above before giving up, the
 * most costly part of packing.
 */
const SAMPLE_ROWS = 1024;
const SAMPLE_WORD_SHARE = 0.9;

/** The column packed, and the buffer to transfer with it, if any. */
export function packColumn(values: unknown[]): { column: PackedColumn; transfer?: ArrayBuffer } {
  let numbers = true, strings = true;
  for (const v of values) {
    if (v === null) continue;
    if (typeof v !== "number") numbers = false;
    if (typeof v !== "string") strings = false;
    if (!numbers && !strings) return { column: values };
  }
  if (numbers) {
    const packed = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) packed[i] = values[i] === null ? NaN : values[i] as number;
    return { column: { numbers: packed }, transfer: packed.buffer };
  }
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  const words: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string | null;
    if (v === null) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      if (words.length >= values.length * MAX_WORD_SHARE) return { column: values };
      index.set(v, code = words.length);
      words.push(v);
    }
    codes[i] = code;
    if (i === SAMPLE_ROWS && words.length > SAMPLE_ROWS * SAMPLE_WORD_SHARE) return { column: values };
  }
  return { column: { words, codes }, transfer: codes.buffer };
}

export function packedLength(column: PackedColumn): number {
  return Array.isArray(column) ? column.length : "numbers" in column ? column.numbers.length : column.codes.length;
}

/** Writes the column's values into `out` from `at`; answers where the next column goes. */
export function unpackInto(out: unknown[], at: number, column: PackedColumn): number {
  if (Array.isArray(column)) {
    for (let i = 0; i < column.length; i++) out[at++] = column[i];
  } else if ("numbers" in column) {
    const { numbers } = column;
    for (let i = 0; i < numbers.length; i++) out[at++] = Number.isNaN(numbers[i]) ? null : numbers[i];
  } else {
    const { words, codes } = column;
    for (let i = 0; i < codes.length; i++) out[at++] = codes[i] < 0 ? null : words[codes[i]];
  }
  return at;
}
