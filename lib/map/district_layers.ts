/**
 * The district's base layers every map draws: streets, communities, compounds (valued by
 * tickets per 1,000 households), roads and water. Aggregates and outlines only, so the
 * server can compute them for the wall, which holds no ticket row.
 */
import type { Connector } from "../db/connector.ts";
import { compoundRateSql, mapFeatureSql, placeGeometrySql } from "../metrics/overview.ts";
import { type FeatureCollection, rowsToFeatures } from "./geojson.ts";
import type { MapLayers } from "./style.ts";

export type DistrictLayers = MapLayers & { compounds: FeatureCollection };

export async function loadDistrictLayers(db: Connector): Promise<DistrictLayers> {
  const [streets, communities, compounds, roads, water] = await Promise.all([
    db.query(placeGeometrySql("street")),
    db.query(placeGeometrySql("community")),
    db.query(compoundRateSql()),
    db.query(mapFeatureSql("road")),
    db.query(mapFeatureSql("water")),
  ]);
  return {
    streets: rowsToFeatures(streets),
    communities: rowsToFeatures(communities),
    compounds: rowsToFeatures(compounds),
    roads: rowsToFeatures(roads),
    water: rowsToFeatures(water),
  };
}
