/**
 * What went wrong and where, from DuckDB's error. The browser engine reports errors
 * as JSON with a character `position`; the blocking engine as text that ends with
 * the offending line (`LINE 2: SELECT * FORM t`) and a caret under the spot.
 */

export interface QueryError {
  message: string;
  /** 0-based character offset in the statement that ran, when DuckDB gave one. */
  offset: number | null;
}

export function parseQueryError(raw: string, statement: string): QueryError {
  try {
    const json = JSON.parse(raw);
    if (json && typeof json.exception_message === "string") {
      const message = `${json.exception_type} Error: ${json.exception_message}`;
      const offset = json.position == null ? null : Number(json.position);
      return { message, offset: Number.isFinite(offset) ? offset : null };
    }
  } catch {
    // Not JSON: the text form below.
  }
  const match = raw.match(/LINE (\d+): .*\n( *)\^/);
  if (!match) return { message: raw, offset: null };
  const column = match[2].length - `LINE ${match[1]}: `.length;
  let offset = 0;
  for (let line = 1; line < Number(match[1]); line++) offset = statement.indexOf("\n", offset) + 1;
  return { message: raw, offset: offset + column };
}

/** 1-based line and column of an offset, for telling the analyst where to look. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
