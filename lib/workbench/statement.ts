/**
 * The statement an analyst means by Ctrl+Enter: the selection if there is one, else
 * the `;`-separated statement around the cursor. Semicolons inside quotes and
 * comments do not split.
 */

export interface Span {
  from: number;
  to: number;
}

/** Spans of each statement in `text`, in order, trimmed of surrounding whitespace. */
export function statementSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const chunk = text.slice(start, end);
    const lead = chunk.length - chunk.trimStart().length;
    const trail = chunk.length - chunk.trimEnd().length;
    if (chunk.trim()) spans.push({ from: start + lead, to: end - trail });
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close + 1;
    } else if (c === "-" && text[i + 1] === "-") {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? text.length : eol + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === ";") {
      push(i);
      start = ++i;
    } else i++;
  }
  push(text.length);
  return spans;
}

/** The text to run for a cursor position or a selection. */
export function statementToRun(text: string, selection: Span): string {
  if (selection.to > selection.from) return text.slice(selection.from, selection.to).trim();
  const spans = statementSpans(text);
  const at = spans.find((s) => selection.from <= s.to) ?? spans.at(-1);
  return at ? text.slice(at.from, at.to) : "";
}
