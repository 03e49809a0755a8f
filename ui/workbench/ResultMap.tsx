/**
 * The result on the same basemap as /map: points from lon/lat, polygons from place
 * or building ids (their geometry joined from the store), hexagons from H3 cells.
 */
import type { Table as ArrowTable } from "apache-arrow";
import { useEffect, useState } from "preact/hooks";
import { arrowToRows, type Connector } from "../../lib/db/connector.ts";
import { type Lang, t } from "../../lib/i18n.ts";
import { type FeatureCollection, rowsToFeatures } from "../../lib/map/geojson.ts";
import { sqlString } from "../../lib/metrics/sql.ts";
import type { MapSpec } from "../../lib/workbench/result_kind.ts";
import { compoundStops } from "../../lib/map/class_breaks.ts";
import { type DistrictData, loadDistrict } from "../common/district_data.ts";
import { MapCanvas } from "../common/MapCanvas.tsx";

/** A map of more than this many features says nothing more, and costs a lot. */
const MAP_FEATURES = 20_000;

export function ResultMap({ db, table, spec, lang, mapWorker }: {
  db: Connector;
  table: ArrowTable;
  spec: MapSpec;
  lang: Lang;
  mapWorker: string;
}) {
  const [data, setData] = useState<{ district: DistrictData; overlay: FeatureCollection } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!spec) return;
    Promise.all([loadDistrict(db), resultFeatures(db, table, spec)]).then(
      ([district, overlay]) => setData({ district, overlay }),
      (e: Error) => setError(e.message),
    );
  }, [table, spec]);
  if (!spec) return <p class="status">{t(lang, "sql.no_map")}</p>;
  if (error) return <p class="status status-error" role="alert">{t(lang, "state.error", { message: error })}</p>;
  if (!data) return <p class="status">{t(lang, "state.loading")}</p>;
  const layers = { ...data.district.layers, overlay: data.overlay };
  return (
    <MapCanvas
      class="sql-map"
      layers={layers}
      theme="light"
      stops={compoundStops(layers)}
      workerUrl={mapWorker}
      lang={lang}
    />
  );
}

async function resultFeatures(db: Connector, table: ArrowTable, spec: NonNullable<MapSpec>) {
  const rows = arrowToRows(table.slice(0, MAP_FEATURES));
  if (spec.kind === "points") {
    return {
      type: "FeatureCollection" as const,
      features: rows.filter((r) => r[spec.lon] != null && r[spec.lat] != null).map((r, i) => ({
        type: "Feature" as const,
        id: i,
        geometry: { type: "Point", coordinates: [Number(r[spec.lon]), Number(r[spec.lat])] },
        properties: r,
      })),
    };
  }
  if (spec.kind === "h3") {
    const { cellToBoundary } = await import("h3-js");
    return {
      type: "FeatureCollection" as const,
      features: rows.filter((r) => r[spec.column]).map((r, i) => {
        // GeoJSON order, loop closed.
        const ring = cellToBoundary(String(r[spec.column]), true);
        return { type: "Feature" as const, id: i, geometry: { type: "Polygon", coordinates: [ring] }, properties: r };
      }),
    };
  }
  const ids = [...new Set(rows.map((r) => r[spec.column]).filter((v) => v != null).map(String))];
  if (!ids.length) return rowsToFeatures([]);
  return rowsToFeatures(
    await db.query(
      `SELECT ${spec.idColumn}, name, geometry FROM ${spec.table} WHERE ${spec.idColumn} IN (${
        ids.map(sqlString).join(", ")
      })`,
    ),
  );
}
