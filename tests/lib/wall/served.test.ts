/** The wall's figures as the server computes them: aggregates without a ticket's coordinates, once per version. */
import assert from "node:assert/strict";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { openStoreDb } from "../../../lib/store/open_store_db.ts";
import { writeStore } from "../../../lib/store/store.ts";
import { DEFAULT_WALL_CONFIG } from "../../../lib/wall/config.ts";
import { type ServedWall, servedWall } from "../../../lib/wall/served.ts";

const dir = await Deno.makeTempDir();
const manifest = await writeStore(dir, generateDemo({ tickets: 3000 }), "served wall test");

Deno.test("the wall's figures hold no ticket's coordinates and no resident's field, and are computed once", async () => {
  const body = await servedWall(dir, manifest, DEFAULT_WALL_CONFIG);
  assert.equal(await servedWall(dir, manifest, { ...DEFAULT_WALL_CONFIG, sceneSeconds: 1 }), body, "cached");
  const text = new TextDecoder().decode(body.json);
  const served: ServedWall = JSON.parse(text);
  assert.equal(served.version, manifest.version);
  assert.ok(served.data.scenes.ranking?.length, "the figures are there");
  assert.ok(served.base?.compounds.features.length, "the base map is there");
  const { db } = await openStoreDb(dir);
  try {
    const numbers = numbersIn(text);
    const points = await db.query<{ lon: number; lat: number }>("SELECT lon, lat FROM tickets WHERE lon IS NOT NULL");
    assert.deepEqual(
      points.filter((p) => numbers.has(p.lon) && numbers.has(p.lat)).slice(0, 3),
      [],
    );
    const phones = await db.query<{ v: string }>(
      "SELECT DISTINCT reporter_phone AS v FROM tickets WHERE reporter_phone IS NOT NULL",
    );
    assert.deepEqual(phones.filter((p) => text.includes(p.v)).slice(0, 3), []);
  } finally {
    await db.close();
  }
});

/** Every number written in a JSON text, as a number (so 37.85 is not found inside 37.8524). */
function numbersIn(text: string): Set<number> {
  return new Set((text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number));
}
