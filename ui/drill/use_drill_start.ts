/**
 * The drill map's start: the tiles' style at once, the store's places (the drill ladder)
 * and the tickets' range and filter choices beside it, the buildings after.
 */
import { useEffect, useState } from "preact/hooks";
import { type Connector, withOptions } from "../../lib/db/connector.ts";
import { showsBuildings } from "../../lib/drill/path.ts";
import { decodeState } from "../../lib/drill/state.ts";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import type { TileIndex } from "../../lib/map/district_tiles.ts";
import type { Bounds } from "../../lib/map/geojson.ts";
import type { DrillStyle } from "../../lib/map/style.ts";
import { loadMapLibre } from "../common/MapCanvas.tsx";
import { figuresShown, markError, openStore } from "../common/store.ts";
import type { QueryState } from "../common/use_store_query.ts";
import {
  type DrillGeometry,
  loadDrillGeometry,
  loadTicketMeta,
  NO_GEOMETRY,
  type TicketMeta,
  withBuildings,
} from "./drill_data.ts";

export interface Tiles {
  style: DrillStyle;
  bounds: Bounds;
}

export function useDrillStart(engine: EngineUrls, mapWorker: string, basemap: string | null, index: TileIndex | null) {
  useEffect(() => void loadMapLibre(mapWorker), []);
  // Worked out in the browser: the tiles' URL must be absolute for MapLibre's workers.
  const [tiles, setTiles] = useState<Tiles | null>(null);
  useEffect(() => index ? setTiles(tileStyle(index, basemap)) : markError("no store"), []);
  return { tiles, ...useDrillData(engine) };
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

/**
 * The drill ladder from the store's places, then the tickets' range and filter choices:
 * asked at once, answered by the server while the page's engine is not up
 * (ui/common/store.ts), so they do not wait for the map's first frame. The buildings join
 * the ladder once the first figures are shown, or with the places when the URL opens at a
 * view that shows them.
 */
function useDrillData(engine: EngineUrls) {
  const [geometry, setGeometry] = useState<QueryState<{ db: Connector; data: DrillGeometry }>>({ status: "loading" });
  const [tickets, setTickets] = useState<QueryState<TicketMeta>>({ status: "loading" });
  useEffect(() => {
    const fail = (set: (state: QueryState<never>) => void) => (e: Error) => {
      console.warn(e);
      markError(e.message);
      set({ status: "error", message: e.message });
    };
    openStore(engine).then(async ({ db }) => {
      const places = loadDrillGeometry(db);
      // Asked at once, beside the geometry's queries; settled here (a failure is never left unhandled), shown after the ladder.
      const showMeta = loadTicketMeta(db).then(
        (data) => () => setTickets({ status: "ready", data }),
        (e: Error) => () => fail(setTickets)(e),
      );
      const atOnce = showsBuildings(decodeState(location.search).place?.level ?? "district");
      const first = await (atOnce ? withBuildings(db, places) : places);
      setGeometry({ status: "ready", data: { db, data: first } });
      (await showMeta)();
      if (first.buildings) return;
      await figuresShown;
      // The page stays as it is without them: only a compound's list of buildings waits on them.
      withBuildings(withOptions(db, { priority: "background" }), places).then(
        (data) => setGeometry({ status: "ready", data: { db, data } }),
        (e: Error) => {
          console.warn(e);
          markError(e.message);
        },
      );
    }).catch(fail(setGeometry));
  }, []);
  return { geometry, tickets };
}
