/**
 * The drill map's queries: the cross-filter's charts at once, the place panel and the metric
 * layer once the filter has settled, each superseded by the next; and whether any is pending.
 */
import { useMemo } from "preact/hooks";
import { type Connector, withOptions } from "../../lib/db/connector.ts";
import { compoundsInArea } from "../../lib/drill/area.ts";
import { CrossFilter } from "../../lib/drill/crossfilter.ts";
import { layerColors, layerData } from "../../lib/drill/layer_data.ts";
import { loadPanel, panelSql } from "../../lib/drill/panel.ts";
import { type MapState, previousRange, resolveRange, stateFilter, withPlace } from "../../lib/drill/state.ts";
import type { Axis } from "../../lib/metrics/cube.ts";
import { localDateOf, UTC_OFFSET_HOURS } from "../../lib/time.ts";
import type { QueryState } from "../common/use_store_query.ts";
import type { DrillGeometry, TicketMeta } from "./drill_data.ts";
import { useLatest } from "./use_latest.ts";
import { useSettled } from "./use_settled.ts";

/** How long a filter must rest before the panel and the metric layers are recomputed. */
const SETTLE_MS = 300;

export function useDrillQueries({ db, data, tickets, s, active }: {
  /** null until the store's first tables are in. */
  db: Connector | null;
  data: DrillGeometry;
  tickets: QueryState<TicketMeta>;
  s: MapState;
  /** The axis the user last moved: its own chart is answered from the cube that leaves it out. */
  active: { current: Axis | null };
}) {
  const cross = useMemo(() => db && new CrossFilter(db, UTC_OFFSET_HOURS), [db]);
  // Until the tickets are in, nothing is asked of them.
  const meta = db && cross && tickets.status === "ready" ? tickets.data : null;
  const range = resolveRange(s, meta?.newestDay ?? localDateOf(Date.now()));
  const drawn = useMemo(() => s.area && compoundsInArea(s.area, data.compounds), [s.area, data]);
  const base = stateFilter(s, range);
  const filter = withPlace(base, s.place, drawn);
  const baseKey = JSON.stringify(base);
  const filterKey = JSON.stringify(filter);

  const charts = useLatest(
    `${filterKey}|${s.grain}`,
    meta && ((signal) => cross!.query(filter, active.current, s.grain, signal)),
  );
  const panelKey = useSettled(filterKey, SETTLE_MS);
  const panel = useLatest(
    panelKey,
    meta && ((signal) => {
      const previous = withPlace(stateFilter(s, previousRange(range)), s.place, drawn);
      return loadPanel(withOptions(db!, { priority: "background", signal }), panelSql(filter, previous, s.place));
    }),
  );
  const layerKey = useSettled(`${s.layer}|${baseKey}`, SETTLE_MS);
  const layerQuery = useLatest(
    layerKey,
    meta && ((signal) => layerData(withOptions(db!, { priority: "background", signal }), s.layer, base)),
  );
  // Keyed by the answers themselves, not the query states around them: each new colour map
  // is a round of feature-state and a frame of the map.
  const layerRows = layerQuery.status === "ready" ? layerQuery.data : null;
  const chartData = charts.status === "ready" ? charts.data : null;
  const colors = useMemo(
    () => layerColors(s.layer, layerRows, chartData, data.households),
    [s.layer, layerRows, chartData, data],
  );
  const busy = !meta || charts.status === "loading" || charts.stale || panel.status === "loading" || panel.stale ||
    panelKey !== filterKey || layerQuery.stale || layerKey !== `${s.layer}|${baseKey}`;
  return { meta, range, drawn, charts, panel, layerQuery, colors, busy };
}
