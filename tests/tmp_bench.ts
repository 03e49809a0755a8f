import { run } from "./lib/import/helpers.ts";
import { circle } from "./lib/import/geometry_repair.test.ts";
for (const n of [20_000, 1_000_000]) {
  const json = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", id: "d", properties: { name: "区" }, geometry: { type: "Polygon", coordinates: [circle(n)] } }] });
  const t0 = performance.now();
  const r = await run("places", "d.geojson", json, {}, { level: "district" });
  console.log(n, "vertices: whole import", ((performance.now() - t0) / 1000).toFixed(2), "s", r.summary.stored, r.notes.length);
}
