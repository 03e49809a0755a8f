/**
 * Spreadsheet formula injection: a text cell that starts with `= + - @` (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) is run as a
 * formula when the export is opened, so a resident's ticket text could call out of the
 * office's machine. Such text gets a leading `'`, which spreadsheets show as text; numbers,
 * dates and booleans are left as they are, so they stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
