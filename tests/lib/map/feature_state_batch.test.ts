import assert from "node:assert/strict";
import { FeatureStateBatch } from "../../../lib/map/feature_state_batch.ts";

const colors = (entries: [string, string][]) => new Map<string, unknown>(entries);

Deno.test("a first batch sets every listed feature; the next only what changed, and clears what is no longer listed", () => {
  const batch = new FeatureStateBatch();
  batch.set("compounds", "color", colors([["A", "#111"], ["B", "#222"], ["C", "#333"]]));
  assert.deepEqual(batch.take(), [
    { layer: "compounds", id: "A", state: { color: "#111" } },
    { layer: "compounds", id: "B", state: { color: "#222" } },
    { layer: "compounds", id: "C", state: { color: "#333" } },
  ]);
  batch.set("compounds", "color", colors([["A", "#111"], ["B", "#999"], ["D", "#444"]]));
  assert.deepEqual(batch.take(), [
    { layer: "compounds", id: "C", state: { color: null } },
    { layer: "compounds", id: "B", state: { color: "#999" } },
    { layer: "compounds", id: "D", state: { color: "#444" } },
  ]);
  batch.set("compounds", "color", colors([["A", "#111"], ["B", "#999"], ["D", "#444"]]));
  assert.deepEqual(batch.take(), [], "the same colours again change nothing");
});

Deno.test("what is set several times between two batches is handed out once, as last set, one state per feature", () => {
  const batch = new FeatureStateBatch();
  batch.set("compounds", "color", colors([["A", "#111"]]));
  batch.set("compounds", "color", colors([["A", "#222"], ["B", "#333"]]));
  batch.set("compounds", "priority", new Map([["A", true]]));
  batch.set("hexes", "color", colors([["A", "#444"]]));
  assert.equal(batch.has("compounds", "color"), true);
  assert.equal(batch.has("buildings", "selected"), false);
  assert.deepEqual(batch.take(), [
    { layer: "compounds", id: "A", state: { color: "#222", priority: true } },
    { layer: "compounds", id: "B", state: { color: "#333" } },
    { layer: "hexes", id: "A", state: { color: "#444" } },
  ]);
  assert.equal(batch.has("compounds", "color"), false, "a batch taken is no longer waiting");
  assert.deepEqual(batch.take(), []);
  batch.set("compounds", "priority", new Map());
  assert.deepEqual(batch.take(), [{ layer: "compounds", id: "A", state: { priority: null } }]);
});
