/**
 * The wall: dark, no controls, large figures readable across a room, the district
 * map beside them. It loads the store without personal columns, so no resident's
 * name, phone or description ever reaches this browser.
 */
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { formatCount, formatPercent } from "../lib/format.ts";
import { type Lang, t } from "../lib/i18n.ts";
import { rampStops } from "../lib/map/style.ts";
import { loadDistrict } from "./_shared/district_data.ts";
import { Figure } from "./_shared/Figure.tsx";
import { Legend } from "./_shared/Legend.tsx";
import { MapCanvas } from "./_shared/MapCanvas.tsx";
import { StatusMessage } from "./_shared/StatusMessage.tsx";
import { markReady } from "./_shared/store.ts";
import { useStoreQuery } from "./_shared/use_store_query.ts";

export interface WallProps {
  lang: Lang;
  engine: EngineUrls;
  mapWorker: string;
}

export default function WallDisplay({ lang, engine, mapWorker }: WallProps) {
  const state = useStoreQuery(engine, ({ db }) => loadDistrict(db, false), "public");
  if (state.status !== "ready") return <StatusMessage state={state} lang={lang} />;
  const { headline: h, layers } = state.data;
  const stops = rampStops(layers.compounds.features.map((f) => Number(f.properties.value)));
  return (
    <div class="wall-scene">
      <MapCanvas
        class="wall-map"
        layers={layers}
        theme="dark"
        stops={stops}
        workerUrl={mapWorker}
        attribution={t(lang, "attribution.demo")}
        onReady={markReady}
      />
      <section class="wall-figures">
        <Figure metric="tickets_30d" label={t(lang, "metric.tickets_30d")} value={h.tickets_30d} text={formatCount(h.tickets_30d, lang)} />
        <Figure metric="open" label={t(lang, "metric.open")} value={h.open} text={formatCount(h.open, lang)} />
        <Figure metric="satisfaction" label={t(lang, "metric.satisfaction")} value={h.satisfaction} text={formatPercent(h.satisfaction, lang)} />
        <Figure metric="tickets_total" label={t(lang, "metric.tickets_total")} value={h.tickets_total} text={formatCount(h.tickets_total, lang)} />
        <Legend stops={stops} theme="dark" lang={lang} />
      </section>
    </div>
  );
}
