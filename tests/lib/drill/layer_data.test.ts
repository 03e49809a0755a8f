/** Which builder feeds which layer, and how the answer colours the map. */
import assert from "node:assert/strict";
import { layerColors, layerData, type LayerRows, NO_COLORS } from "../../../lib/drill/layer_data.ts";
import { LAYER_IDS } from "../../../lib/map/layers.ts";
import { GAP_COLORS, PALETTES } from "../../../lib/map/palette.ts";
import { fixtureDb } from "../metrics/fixture.ts";

Deno.test("each layer is answered by its own builder: hexagons, compounds, the priority list or the cube", async () => {
  const db = await fixtureDb();
  try {
    const filter = {};
    const kinds = Object.fromEntries(
      await Promise.all(LAYER_IDS.map(async (id) => [id, (await layerData(db, id, filter)).kind])),
    );
    assert.deepEqual(kinds, {
      per_1000: "cube",
      on_time: "compounds",
      satisfaction: "compounds",
      coverage: "compounds",
      backlog: "compounds",
      overdue: "compounds",
      density: "hexes",
      hotspots: "hexes",
      gaps: "compounds",
      priority: "priority",
    });
  } finally {
    await db.close();
  }
});

const households = new Map<string, number | null>([["A", 1000], ["B", 500], ["C", null]]);

Deno.test("compound layers colour every compound, those without a value as no data", () => {
  const rows: LayerRows = { kind: "compounds", rows: [{ place_id: "A", value: 0.95 }, { place_id: "B", value: 0.5 }] };
  const colors = layerColors("on_time", rows, null, households);
  assert.deepEqual([...colors.compounds.keys()], ["A", "B", "C"]);
  assert.equal(colors.compounds.get("C"), PALETTES.light.noData);
  assert.notEqual(colors.compounds.get("A"), colors.compounds.get("B"));
  assert.deepEqual(colors.values, new Map([["A", 0.95], ["B", 0.5]]));
  assert.equal(colors.hexes.size, 0);
  assert.ok(colors.classes);
});

Deno.test("tickets per 1,000 households come from the cross-filter's counts, once they are in", () => {
  const cube: LayerRows = { kind: "cube" };
  assert.equal(layerColors("per_1000", cube, null, households), NO_COLORS);
  const charts = { compounds: [{ key: "A", tickets: 30 }, { key: "B", tickets: 30 }] };
  const colors = layerColors("per_1000", cube, charts, households);
  assert.deepEqual(colors.values, new Map([["A", 30], ["B", 60], ["C", null]]));
  assert.equal(colors.compounds.get("C"), PALETTES.light.noData);
});

Deno.test("hexagon layers: density classed from its counts, Gi* in its own colours", () => {
  const density = layerColors(
    "density",
    { kind: "hexes", rows: [{ id: "h1", value: 1 }, { id: "h2", value: 50 }] },
    null,
    households,
  );
  assert.equal(density.compounds.size, 0);
  assert.equal(density.hexes.size, 2);
  assert.ok(density.classes);
  const hot = layerColors(
    "hotspots",
    { kind: "hexes", rows: [{ id: "h1", value: 3, color: "#abc" }] },
    null,
    households,
  );
  assert.equal(hot.hexes.get("h1"), "#abc");
  assert.equal(hot.classes, null, "Gi* has its own legend, not classes");
});

Deno.test("gaps use the gap colours without a class legend; the priority list outlines its compounds over their tickets per 1,000", () => {
  const gaps = layerColors(
    "gaps",
    { kind: "compounds", rows: [{ place_id: "A", value: 0 }, { place_id: "B", value: 2 }] },
    null,
    households,
  );
  assert.equal(gaps.compounds.get("A"), GAP_COLORS[0]);
  assert.equal(gaps.compounds.get("B"), GAP_COLORS[2]);
  assert.equal(gaps.classes, null);
  const listed: LayerRows = { kind: "priority", ids: ["B"] };
  assert.equal(layerColors("priority", listed, null, households), NO_COLORS, "its fill waits for the ticket counts");
  const charts = { compounds: [{ key: "B", tickets: 30 }] };
  const priority = layerColors("priority", listed, charts, households);
  assert.deepEqual(priority.priority, new Set(["B"]));
  assert.deepEqual(priority.values, new Map([["A", 0], ["B", 60], ["C", null]]));
  assert.equal(layerColors("priority", null, null, households), NO_COLORS);
});
