/**
 * 满意率 has one definition: the overview's headline, the map's layer and place panel,
 * the wall's and the reviews' rates all read `satisfactionSql`'s measures, so they agree
 * for the same period and place, here on the hand-made fixture and on a demo district.
 */
import assert from "node:assert/strict";
import type { Connector } from "../../../lib/db/connector.ts";
import { panelSql } from "../../../lib/drill/panel.ts";
import { compoundLayerSql } from "../../../lib/map/layers.ts";
import type { Filter } from "../../../lib/metrics/filter.ts";
import { headlineSql } from "../../../lib/metrics/overview.ts";
import { ratesSql } from "../../../lib/metrics/rates.ts";
import { satisfactionSql } from "../../../lib/metrics/satisfaction.ts";
import { demoDb } from "./demo.ts";
import { at, fixtureDb } from "./fixture.ts";

const one = async (db: Connector, sql: string, column: string) => (await db.query(sql))[0][column] as number | null;

/** The district's satisfaction as each page computes it, and as one place and period on the map and in the panel. */
async function assertOneSatisfaction(db: Connector, place: Filter, period: Filter) {
  const overview = await one(db, headlineSql(), "satisfaction");
  assert.ok(overview !== null && overview > 0 && overview < 1, `overview ${overview}`);
  assert.equal(await one(db, satisfactionSql({}), "satisfaction_rate"), overview);
  assert.equal(await one(db, ratesSql({}), "satisfaction_rate"), overview, "wall and reviews (ratesSql)");
  assert.equal(await one(db, panelSql({}, {}, null).rates, "satisfaction_rate"), overview, "map's district panel");

  const filter = { ...place, ...period };
  const expected = await one(db, satisfactionSql(filter), "satisfaction_rate");
  assert.equal(await one(db, panelSql(filter, filter, null).rates, "satisfaction_rate"), expected);
  const layer = await db.query(compoundLayerSql("satisfaction", filter)!);
  const compoundId = place.placeIds![0];
  assert.equal(layer.find((r) => r.place_id === compoundId)?.value ?? null, expected, "map's layer");
}

Deno.test("satisfaction: the overview equals the map, the wall and the reviews on the fixture", async () => {
  const db = await fixtureDb();
  await assertOneSatisfaction(db, { placeLevel: "compound", placeIds: ["X1"] }, {
    from: at("2024-01-01 00:00"),
    to: at("2024-12-31 00:00"),
  });
  await db.close();
});

Deno.test("satisfaction: the overview equals the map, the wall and the reviews on a demo district", async () => {
  const db = demoDb;
  const [{ compound_id }] = await db.query<{ compound_id: string }>(
    "SELECT compound_id FROM ticket_facts WHERE callback_result IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC LIMIT 1",
  );
  const [{ newest }] = await db.query<{ newest: number }>("SELECT epoch_ms(max(created_at)) AS newest FROM tickets");
  await assertOneSatisfaction(db, { placeLevel: "compound", placeIds: [compound_id] }, {
    from: Number(newest) - 365 * 86_400_000,
    to: Number(newest),
  });
});

Deno.test("satisfaction counts each handled ticket once, by its latest rated callback", async () => {
  const db = await fixtureDb();
  // t2 was called back unsatisfied and then satisfied: one satisfied ticket, not one of each.
  await db.query(`INSERT INTO callbacks (ticket_id, called_at, result) VALUES
    ('t2', TIMESTAMP '2024-04-25 02:00:00', 'satisfied'), ('t2', TIMESTAMP '2024-04-26 02:00:00', NULL)`);
  const [all] = await db.query("SELECT count(*) AS n FROM callbacks WHERE result IS NOT NULL");
  assert.equal(all.n, 4);
  const [r] = await db.query(satisfactionSql({}));
  assert.deepEqual([r.satisfied, r.rated, r.satisfaction_rate], [3, 3, 1]);
  assert.equal(await one(db, headlineSql(), "satisfaction"), 1);
  await db.close();
});
