// Times the quarterly review's queries in DuckDB-WASM (in Deno), as is and with ticket_facts materialized once per query.
import { openDenoDuckDB } from "../lib/db/duckdb_deno.ts";
import { attachScopeDatabase } from "../lib/store/scope_database.ts";
import { scorecardSql, placeExtrasSql, aboveStreetSql } from "../lib/reviews/scorecard.ts";
import { parsePeriod, periodRange, shiftPeriod, sameLastYear } from "../lib/reviews/period.ts";
const file = Deno.args[0];
const db = await openDenoDuckDB();
await attachScopeDatabase(db, await Deno.readFile(file), ["tickets","places","buildings","callbacks","calendar","branches","branch_compounds","building_groups","group_buildings","member_households","compound_members","map_features"]);
const [{ mx }] = await db.query<{mx: string}>("SELECT CAST(max(created_at) AS VARCHAR) mx FROM tickets");
console.log("max", mx);
const q = shiftPeriod(parsePeriod("quarter", "2026-Q4")!, 0);
const f = { from: periodRange(q, 8).from, to: periodRange(q, 8).to };
const ly = sameLastYear(q);
const wide = { from: periodRange(ly, 8).from, to: periodRange(q, 8).to };
const sqls: Record<string, string> = {
  district: scorecardSql(f, undefined, "quarter"),
  history: scorecardSql(wide, "street", "quarter"),
  community: scorecardSql(f, "community", "quarter"),
  extrasS: placeExtrasSql(f, "street"),
  above: aboveStreetSql(f),
};
const mat = (s: string) => `WITH ticket_facts AS MATERIALIZED (SELECT * FROM main.ticket_facts) SELECT * FROM (${s})`;
for (const [name, sql] of Object.entries(sqls)) {
  let t = performance.now(); const a = await db.query(sql); const t1 = performance.now() - t;
  t = performance.now(); const b = await db.query(mat(sql)); const t2 = performance.now() - t;
  console.log(name, Math.round(t1), Math.round(t2), JSON.stringify(a) === JSON.stringify(b) ? "same" : "DIFF", a.length);
}
