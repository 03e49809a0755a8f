/**
 * The drill map's queries: the cross-filter's charts at once, the place panel and the metric
 * layer once the filter has settled, each superseded by the next; and whether any is pending.
 */
import { useMemo, useRef } from "preact/hooks";
import { ALERTS_LIST_SQL } from "../../lib/alerts/present.ts";
import { placeSeriesSql } from "../../lib/alerts/series_chart.ts";
import type { SURGE_LEVELS } from "../../lib/alerts/surges.ts";
import { type Connector, type Row, withOptions } from "../../lib/db/connector.ts";
import { alertCounts, alertsOfCategories, placeAlerts } from "../../lib/drill/alerts.ts";
import { childLevel } from "../../lib/drill/path.ts";
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
  const drawn = useMemo(() => s.area && compoundsInArea(s.area, data.compounds), [s.area, data.compounds]);
  const base = stateFilter(s, range);
  const filter = withPlace(base, s.place, drawn);
  const baseKey = JSON.stringify(base);
  const filterKey = JSON.stringify(filter);

  const charts = useLatest(
    `${filterKey}|${s.grain}`,
    meta && ((signal) => cross!.query(filter, active.current, s.grain, signal)),
  );
  // Keyed from the tickets' first answer on: the range they set is the page's first filter, not a change to settle.
  const panelKey = useSettled(meta && filterKey, SETTLE_MS);
  const panel = useLatest(
    panelKey ?? "",
    meta && ((signal) => {
      const previous = withPlace(stateFilter(s, previousRange(range)), s.place, drawn);
      return loadPanel(withOptions(db!, { priority: "background", signal }), panelSql(filter, previous, s.place));
    }),
  );
  const layerKey = useSettled(meta && `${s.layer}|${baseKey}`, SETTLE_MS);
  const layerQuery = useLatest(
    layerKey ?? "",
    meta && ((signal) => layerData(withOptions(db!, { priority: "background", signal }), s.layer, base)),
  );
  // Keyed by the answers themselves, not the query states around them: each new colour map
  // is a round of feature-state and a frame of the map.
  const layerRows = layerQuery.status === "ready" ? layerQuery.data : null;
  const chartData = charts.status === "ready" ? charts.data : null;
  const colors = useMemo(
    () => layerColors(s.layer, layerRows, chartData, data.households),
    [s.layer, layerRows, chartData, data.households],
  );
  const alerts = useAlerts(db, data, s, meta, panel.status === "ready");
  const busy = !meta || charts.status === "loading" || charts.stale || panel.status === "loading" || panel.stale ||
    panelKey !== filterKey || layerQuery.stale || layerKey !== `${s.layer}|${baseKey}`;
  return { meta, range, drawn, charts, panel, layerQuery, colors, alerts, busy };
}

const NO_RINGS = new Map<string, number>();

/**
 * The current alerts once the first figures are in and the layer has been switched on (the
 * district's whole detector is the page's heaviest query), kept when it is switched off;
 * the places they ring at the level shown, the panel's place's alerts, and its series.
 */
function useAlerts(db: Connector | null, data: DrillGeometry, s: MapState, meta: TicketMeta | null, figures: boolean) {
  const started = useRef(false);
  started.current ||= figures;
  const wanted = useRef(false);
  wanted.current ||= s.alerts;
  const list = useLatest(
    "alerts",
    meta && started.current && wanted.current
      ? (signal) => withOptions(db!, { priority: "background", signal }).query(ALERTS_LIST_SQL)
      : null,
  );
  const all = list.status === "ready" ? list.data : null;
  // A building's alert climbs the ladder through its building: placed once the ladder holds the buildings.
  const shown = useMemo(
    () => all && data.buildings ? alertsOfCategories(all, s.categories) : null,
    [all, s.categories, data.buildings],
  );
  const level = childLevel(s.place?.level ?? "district") ?? "building";
  const rings = useMemo(
    () => s.alerts && shown ? alertCounts(shown, data.index, level) : NO_RINGS,
    [s.alerts, shown, data.index, level],
  );
  const here = useMemo(
    () => shown && placeAlerts(shown, data.index, s.place),
    [shown, data.index, s.place?.level, s.place?.id],
  );
  // A building has no series of its own; a place without surging series needs no chart.
  const seriesLevel = (s.place?.level ?? "district") as (typeof SURGE_LEVELS)[number];
  const seriesKey = here?.own.length ? `${seriesLevel}:${s.place?.id ?? ""}` : "";
  const series = useLatest<Row[]>(
    seriesKey,
    meta && seriesKey
      ? (signal) =>
        withOptions(db!, { priority: "background", signal }).query(
          placeSeriesSql({ level: seriesLevel, placeId: s.place?.id, to: meta.newestDay }),
        )
      : null,
  );
  const placing = list.status === "loading" || list.stale || (all !== null && shown === null);
  return { list, placed: shown !== null, placing, rings, ringLevel: level, here, series };
}
