/**
 * Every builder that selects residents' fields, run over a store scoped for a masked role
 * (what a leader's or analyst's browser holds): none returns a name or phone of the store.
 */
import assert from "node:assert/strict";
import type { Row } from "../../../lib/db/connector.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { buildingTicketsSql } from "../../../lib/drill/panel.ts";
import { roundListSql } from "../../../lib/reviews/callback_round.ts";
import { parsePeriod } from "../../../lib/reviews/period.ts";
import { openStoreDb } from "../../../lib/store/open_store_db.ts";
import { attachScopeDatabase } from "../../../lib/store/scope_database.ts";
import { scopedManifest } from "../../../lib/store/scoped.ts";
import { writeStore } from "../../../lib/store/store.ts";

const dir = await Deno.makeTempDir();
const stored = await writeStore(dir, generateDemo({ tickets: 4000 }), "builders test");
const raw = await openStoreDb(dir);
const distinct = async (column: string) =>
  new Set(
    (await raw.db.query<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM tickets WHERE ${column} IS NOT NULL`))
      .map((r) => r.v),
  );
const phones = await distinct("reporter_phone");
// The demo's names are partly masked already (王*华); the others (王先生) must not come back.
const names = new Set([...await distinct("reporter_name")].filter((n) => !n.includes("*")));
const [{ building }] = await raw.db.query<{ building: string }>(
  "SELECT building_id AS building FROM tickets WHERE reporter_phone IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
);
const [{ month }] = await raw.db.query<{ month: string }>(
  "SELECT strftime(max(closed_at) + INTERVAL 1 MONTH, '%Y-%m') AS month FROM tickets",
);
await raw.db.close();

const masked = await scopedManifest(dir, stored, "masked");
const db = await openDenoDuckDB();
await attachScopeDatabase(db, await Deno.readFile(`${dir}/${masked.database.file}`), Object.keys(masked.tables));

const round = parsePeriod("month", month)!;
const BUILDERS: Record<string, string> = {
  "drill panel: a building's tickets": buildingTicketsSql({ placeLevel: "building", placeIds: [building] }),
  "callback round: worklist": roundListSql(round, "worklist"),
  "callback round: unsatisfied": roundListSql(round, "unsatisfied"),
  "the workbench: the tickets table": "SELECT * FROM tickets",
};

function leaks(rows: Row[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (typeof value !== "string") continue;
      if (phones.has(value) || names.has(value)) found.push(value);
      for (const digits of value.match(/\d{7,}/g) ?? []) if (phones.has(digits)) found.push(digits);
    }
  }
  return found;
}

for (const [name, sql] of Object.entries(BUILDERS)) {
  Deno.test(`${name}: no raw name or phone over a masked scope`, async () => {
    const rows = await db.query(sql);
    assert.ok(rows.some((r) => r.reporter_phone != null), "the builder returned reporters to check");
    assert.deepEqual(leaks(rows).slice(0, 5), []);
  });
}

Deno.test("closing the scope", async () => {
  await db.close();
});
