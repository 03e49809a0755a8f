/**
 * A street official's review: their browser holds only their street's tickets, yet the
 * quarterly and annual rankings show every street's figures, equal to those computed over
 * the whole district; the communities and lists are their street's.
 */
import assert from "node:assert/strict";
import type { Connector, Row } from "../../../lib/db/connector.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { DEFAULT_CONFIG } from "../../../lib/metrics/deadlines.ts";
import { heldStreets } from "../../../lib/reviews/load_common.ts";
import { loadMonthReview } from "../../../lib/reviews/load_month.ts";
import { loadPeriodReview } from "../../../lib/reviews/load_period.ts";
import { latestPeriod, type PeriodKind } from "../../../lib/reviews/period.ts";
import type { ReviewData } from "../../../lib/reviews/review.ts";
import { openStoreDb } from "../../../lib/store/open_store_db.ts";
import type { ScopeKey } from "../../../lib/access/scope.ts";
import { attachScopeDatabase } from "../../../lib/store/scope_database.ts";
import { scopedManifest } from "../../../lib/store/scoped.ts";
import { writeStore } from "../../../lib/store/store.ts";

const dir = await Deno.makeTempDir();
const stored = await writeStore(dir, generateDemo({ tickets: 4000 }), "street review test");
const { db: full } = await openStoreDb(dir);
const STREET = "S02";

async function openScope(scope: ScopeKey = `street-${STREET}`): Promise<Connector> {
  const manifest = await scopedManifest(dir, stored, scope);
  const db = await openDenoDuckDB();
  await attachScopeDatabase(db, await Deno.readFile(`${dir}/${manifest.database.file}`), Object.keys(manifest.tables));
  return db;
}
const scoped = await openScope();
const [{ as_of: asOf }] = await full.query<{ as_of: number }>("SELECT max(created_at) AS as_of FROM tickets");

const rowsOf = (review: ReviewData, id: string) => review.tables.find((t) => t.id === id)!.rows;
const pick = (rows: Row[], keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
const RANKING = [
  "place_id",
  "tickets",
  "score",
  "rank",
  "rank_vs_previous",
  "rank_vs_last_year",
  "satisfaction_rate",
  "publication_rate",
  "publication_rank",
];

for (const kind of ["quarter", "year"] as PeriodKind[]) {
  Deno.test(`the ${kind}'s ranking shows every street, as over the whole district`, async () => {
    const period = latestPeriod(kind, asOf, DEFAULT_CONFIG.utcOffsetHours);
    const [everything, own] = [await loadPeriodReview(full, period, "v"), await loadPeriodReview(scoped, period, "v")];
    const streets = rowsOf(everything, "scorecard_streets");
    assert.ok(streets.length > 1);
    // Publication ranks differ between streets: a column left empty would rank them all first.
    assert.ok(new Set(streets.map((r) => r.publication_rank)).size > 1);
    assert.deepEqual(pick(rowsOf(own, "scorecard_streets"), RANKING), pick(streets, RANKING));
    assert.deepEqual(own.figures, everything.figures, "the district's figures");
    assert.deepEqual(
      pick(rowsOf(own, "trend"), ["place_id", "period", "tickets"]),
      pick(rowsOf(everything, "trend"), ["place_id", "period", "tickets"]),
    );
    // Repeats count tickets: known for the official's own street only.
    for (const r of rowsOf(own, "scorecard_streets")) {
      if (r.place_id !== STREET) assert.equal(r.repeats, null);
    }
    // The details are the street's own.
    const communities = rowsOf(own, "scorecard_communities");
    const ownCommunities = await full.query<{ id: string }>(
      `SELECT place_id AS id FROM places WHERE level = 'community' AND street_id = '${STREET}' ORDER BY 1`,
    );
    assert.deepEqual(communities.map((r) => r.place_id).sort(), ownCommunities.map((r) => r.id));
    assert.ok(rowsOf(own, "above_street").every((r) => r.place_id === STREET));
  });
}

Deno.test("the month's callback round shows every street's and the district's figures, as over the whole district", async () => {
  const round = latestPeriod("month", asOf, DEFAULT_CONFIG.utcOffsetHours);
  const [everything, own] = [await loadMonthReview(full, round, "v"), await loadMonthReview(scoped, round, "v")];
  assert.ok(rowsOf(everything, "round_streets").length > 1);
  assert.deepEqual(rowsOf(own, "round_streets"), rowsOf(everything, "round_streets"));
  assert.deepEqual(own.figures, everything.figures);
  const publication = rowsOf(everything, "publication_streets");
  assert.ok(publication.length > 1 && publication.some((r) => r.publication_rate !== publication[0].publication_rate));
  assert.deepEqual(rowsOf(own, "publication_streets"), publication);
  // The callers' lists and the communities are the street's own.
  const worklist = rowsOf(own, "worklist");
  const [{ name }] = await full.query<{ name: string }>(`SELECT name FROM places WHERE place_id = '${STREET}'`);
  assert.ok(worklist.length > 0 && worklist.every((r) => r.street === name));
  for (const id of ["round_communities", "publication_communities", "publication_overdue"]) {
    assert.ok(rowsOf(own, id).length > 0 && rowsOf(own, id).every((r) => r.street === name), id);
  }
});

Deno.test("a masked role's reviews, from the server's street figures, equal the admin's computed in the browser", async () => {
  const masked = await openScope("masked");
  try {
    const streets = await full.query<{ id: string }>("SELECT place_id AS id FROM places WHERE level = 'street'");
    assert.deepEqual([...(await heldStreets(masked))!].sort(), streets.map((r) => r.id).sort(), "read as stored");
    for (const kind of ["quarter", "year"] as PeriodKind[]) {
      const period = latestPeriod(kind, asOf, DEFAULT_CONFIG.utcOffsetHours);
      const [everything, leader] = [
        await loadPeriodReview(full, period, "v"),
        await loadPeriodReview(masked, period, "v"),
      ];
      assert.deepEqual(leader, everything, kind);
    }
    const round = latestPeriod("month", asOf, DEFAULT_CONFIG.utcOffsetHours);
    const [everything, leader] = [await loadMonthReview(full, round, "v"), await loadMonthReview(masked, round, "v")];
    // Lists of tickets name residents, masked in this scope; everything else is the same.
    const unnamed = (review: ReviewData) =>
      review.tables.map((t) => t.rows.map(({ reporter_name: _, reporter_phone: __, ...rest }) => rest));
    assert.deepEqual(unnamed(leader), unnamed(everything));
    assert.deepEqual(leader.figures, everything.figures);
  } finally {
    await masked.close();
  }
});

Deno.test("closing the stores", async () => {
  await Promise.all([full.close(), scoped.close()]);
});
