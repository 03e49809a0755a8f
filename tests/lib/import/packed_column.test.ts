import assert from "node:assert/strict";
import { packColumn, packedLength, unpackInto } from "../../../lib/import/packed_column.ts";

const roundTrip = (values: unknown[]) => {
  const { column } = structuredClone(packColumn(values));
  const out = new Array(packedLength(column) + 1).fill("x");
  assert.equal(unpackInto(out, 1, column), values.length + 1);
  return { column, values: out.slice(1) };
};

Deno.test("a worker's columns are posted packed and come back as they were", () => {
  const numbers = [1.5, null, 1_700_000_000_000, -3, null];
  const packedNumbers = roundTrip(numbers);
  assert.ok("numbers" in packedNumbers.column, "numbers move as a Float64Array");
  assert.deepEqual(packedNumbers.values, numbers);

  const words = ["closed", "open", null, "closed", "closed", "open", "closed", "closed", null, "closed"];
  const packedWords = roundTrip(words);
  assert.deepEqual("words" in packedWords.column && packedWords.column.words, ["closed", "open"]);
  assert.deepEqual(packedWords.values, words);

  const unique = ["T1", "T2", "T3", "T4", null];
  assert.ok(Array.isArray(roundTrip(unique).column), "text that does not repeat is posted as it is");
  assert.deepEqual(roundTrip(unique).values, unique);
  const ids = Array.from({ length: 5_000 }, (_, i) => i % 3 === 0 ? "T0" : `T${i}`);
  assert.ok(Array.isArray(roundTrip(ids).column), "ids that mostly differ are posted as they are, even repeating");
  assert.deepEqual(roundTrip(ids).values, ids);
  const mixed = [1, "a", true, null];
  assert.deepEqual(roundTrip(mixed), { column: mixed, values: mixed });
  assert.deepEqual(roundTrip([null, null]).values, [null, null]);
});
