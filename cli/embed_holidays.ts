/**
 * Copies data/calendar/china_holidays.csv into lib/calendar/holidays_data.ts, so the browser bundle and
 * Deno read the same calendar without fetching a file. Run after editing the CSV.
 */
export const CSV_URL = new URL("../data/calendar/china_holidays.csv", import.meta.url);

export function embeddedModule(csv: string): string {
  // A template literal keeps one row per line, readable in review and left alone by `deno fmt`.
  if (/[`\\]|\$\{/.test(csv)) throw new Error("the holiday CSV may not hold a backtick, a backslash or ${");
  return `// Generated from data/calendar/china_holidays.csv by cli/embed_holidays.ts: edit the CSV, not this file.
export const HOLIDAYS_CSV = \`${csv}\`;
`;
}

if (import.meta.main) {
  await Deno.writeTextFile(
    new URL("../lib/calendar/holidays_data.ts", import.meta.url),
    embeddedModule(await Deno.readTextFile(CSV_URL)),
  );
}
