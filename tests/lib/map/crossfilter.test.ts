/** The cross-filter's views answer the same from cubes as from `tickets`, on the metrics fixture. */
import assert from "node:assert/strict";
import { CrossFilter, viewCube, viewSql } from "../../../lib/drill/crossfilter.ts";
import { fixtureDb } from "../metrics/fixture.ts";

Deno.test("the cross-filter gives the same counts with and without cubes", async () => {
  const db = await fixtureDb();
  try {
    const filter = {
      from: Date.parse("2024-02-01T00:00:00+08:00"),
      to: Date.parse("2024-03-01T00:00:00+08:00"),
      placeLevel: "street" as const,
      placeIds: ["S1"],
    };
    const raw = await new CrossFilter(db, 8).query(filter, null, "day");
    const cubed = await new CrossFilter(db, 8).query(filter, "time", "day");
    assert.deepEqual(cubed, raw);
    assert.ok(raw.categories.length > 0);
    assert.equal(viewCube("timeline", "time", filter, 8), null, "a view never reads a cube of its own axis");
    assert.doesNotMatch(viewSql("compounds", "day", filter, null, 8), /street_id IN/, "the map ignores the place");
  } finally {
    await db.close();
  }
});
