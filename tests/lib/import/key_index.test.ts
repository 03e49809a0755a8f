/** Rows by key in the import's own hash table answer as a Map of the same keys does. */
import assert from "node:assert/strict";
import { randomInt, randomLcg } from "d3-random";
import { KeyIndex, keyOf } from "../../../lib/import/key_index.ts";

Deno.test("a key index keeps the row last set for each key, as a Map does, for one key column or several", () => {
  const random = randomLcg(0.16);
  const draw = randomInt.source(random)(0, 3_000);
  for (const width of [1, 2]) {
    // 5,000 rows over a few thousand keys: most keys repeat, and slots are met by other keys.
    const keyColumns = Array.from({ length: width }, () => Array.from({ length: 5_000 }, () => `T${draw()}`));
    const index = new KeyIndex(keyColumns, 5_000);
    const map = new Map<string, number>();
    for (let i = 0; i < 5_000; i++) {
      const key = keyOf(keyColumns, i);
      assert.equal(index.get(key), map.get(key), `row ${i} before it is set`);
      index.set(key, i);
      map.set(key, i);
    }
    for (const [key, row] of map) assert.equal(index.get(key), row);
    assert.equal(index.get("T-1"), undefined);
  }
  assert.equal(keyOf([[7], ["a"]], 0), "7\u0000a");
  assert.equal(new KeyIndex([[]], 0).get(""), undefined, "an empty table");
});
