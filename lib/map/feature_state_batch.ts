/**
 * The map's feature-state, gathered between frames and handed out as one batch: for each
 * feature, only the keys whose value changed since the last batch, merged into one state.
 * A filter change recolours a few hundred compounds of which most keep their class, and
 * the colours, the hexagons and the priority outline often change together; each call of
 * MapLibre's `setFeatureState` marks tiles to re-evaluate, so the fewer the better.
 */

/** One feature's new state; a key set to null is cleared. */
export interface StateChange {
  layer: string;
  id: string;
  state: Record<string, unknown>;
}

export class FeatureStateBatch {
  /** By `layer\0key`: the values applied by the batches taken so far. */
  #applied = new Map<string, Map<string, unknown>>();
  /** By `layer\0key`: the values wanted at the next batch. */
  #wanted = new Map<string, { layer: string; key: string; values: Map<string, unknown> }>();

  /** From the next batch, `key` on `layer` holds `values` and is cleared on the features it does not list. */
  set(layer: string, key: string, values: Map<string, unknown>): void {
    this.#wanted.set(`${layer}\0${key}`, { layer, key, values });
  }

  /** Whether the next batch sets `key` on `layer` (even to the values it already has). */
  has(layer: string, key: string): boolean {
    return this.#wanted.has(`${layer}\0${key}`);
  }

  /** The changes since the last batch, one per feature; what was set since then counts as applied. */
  take(): StateChange[] {
    const changes = new Map<string, StateChange>();
    const change = (layer: string, id: string, key: string, value: unknown) => {
      const feature = `${layer}\0${id}`;
      let entry = changes.get(feature);
      if (!entry) changes.set(feature, entry = { layer, id, state: {} });
      entry.state[key] = value;
    };
    for (const [slot, { layer, key, values }] of this.#wanted) {
      const before = this.#applied.get(slot) ?? new Map<string, unknown>();
      for (const id of before.keys()) if (!values.has(id)) change(layer, id, key, null);
      for (const [id, value] of values) if (!before.has(id) || before.get(id) !== value) change(layer, id, key, value);
      this.#applied.set(slot, values);
    }
    this.#wanted.clear();
    return [...changes.values()];
  }
}
