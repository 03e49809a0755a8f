/**
 * The drill map's start: the tiles' style at once, then the store's places and buildings
 * (the drill ladder) and, once all tables are in, the tickets' range and filter choices.
 */
import { useEffect, useState } from "preact/hooks";
import type { Connector } from "../../lib/db/connector.ts";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import type { TileIndex } from "../../lib/map/district_tiles.ts";
import type { Bounds } from "../../lib/map/geojson.ts";
import type { DrillStyle } from "../../lib/map/style.ts";
import { loadMapLibre } from "../common/MapCanvas.tsx";
import { markError, openStagedStore } from "../common/store.ts";
import type { QueryState } from "../common/use_store_query.ts";
import {
  type DrillGeometry,
  GEOMETRY_TABLES,
  loadDrillGeometry,
  loadTicketMeta,
  NO_GEOMETRY,
  type TicketMeta,
} from "./drill_data.ts";

export interface Tiles {
  style: DrillStyle;
  bounds: Bounds;
}

/** Without WebGL the map never draws; the figures must come all the same. */
const START_STORE_ANYWAY_MS = 4000;

export function useDrillStart(engine: EngineUrls, basemap: string | null, index: TileIndex | null) {
  useEffect(() => void loadMapLibre(), []);
  // Worked out in the browser: the tiles' URL must be absolute for MapLibre's workers.
  const [tiles, setTiles] = useState<Tiles | null>(null);
  useEffect(() => index ? setTiles(tileStyle(index, basemap)) : markError("no store"), []);
  // The engine and the store wait for the map's first frame: on two cores, compiling
  // 34 MB of WASM and taking in 200 MB of tickets would hold the map back by seconds.
  const [mapDrawn, setMapDrawn] = useState(false);
  useEffect(() => void setTimeout(() => setMapDrawn(true), START_STORE_ANYWAY_MS), []);
  const { geometry, tickets } = useDrillData(engine, mapDrawn);
  return { tiles, geometry, tickets, onMapDrawn: () => setMapDrawn(true) };
}

/** The map's style from the page's tile index; the H3 cells come later, from the store. */
function tileStyle(index: TileIndex, basemap: string | null): Tiles {
  const style: DrillStyle = {
    tiles: `${location.origin}${index.path}`,
    hexes: NO_GEOMETRY.hexes,
    ...basemap ? { basemapTiles: basemap } : {},
  };
  return { style, bounds: index.bounds };
}

/** The drill ladder once places and buildings are in; the tickets' figures follow when they are. */
function useDrillData(engine: EngineUrls, start: boolean) {
  const [geometry, setGeometry] = useState<QueryState<{ db: Connector; data: DrillGeometry }>>({ status: "loading" });
  const [tickets, setTickets] = useState<QueryState<TicketMeta>>({ status: "loading" });
  useEffect(() => {
    if (!start) return;
    const fail = (set: (state: QueryState<never>) => void) => (e: Error) => {
      console.warn(e);
      markError(e.message);
      set({ status: "error", message: e.message });
    };
    openStagedStore(engine, GEOMETRY_TABLES).then(async (store) => {
      await store.tables(GEOMETRY_TABLES);
      const geometry = loadDrillGeometry(store.db);
      // Asked at once, after the geometry's queries: the engine answers them while the page builds the ladder.
      // Settled here (a failure is never left unhandled), shown after the ladder.
      const showMeta = store.complete.then(() => loadTicketMeta(store.db)).then(
        (data) => () => setTickets({ status: "ready", data }),
        (e: Error) => () => fail(setTickets)(e),
      );
      setGeometry({ status: "ready", data: { db: store.db, data: await geometry } });
      (await showMeta)();
    }).catch(fail(setGeometry));
  }, [start]);
  return { geometry, tickets };
}
