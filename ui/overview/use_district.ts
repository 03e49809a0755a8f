/** The map pages' data: the district from the store, with MapLibre's code loading alongside. */
import { useEffect } from "preact/hooks";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import { type DistrictData, loadDistrict } from "../common/district_data.ts";
import { loadMapLibre } from "../common/MapCanvas.tsx";
import { type QueryState, useStoreQuery } from "../common/use_store_query.ts";

export function useDistrict(engine: EngineUrls, mapWorker: string): QueryState<DistrictData> {
  useEffect(() => void loadMapLibre(mapWorker), []);
  return useStoreQuery(engine, ({ db }) => loadDistrict(db));
}
