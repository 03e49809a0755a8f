/** The district overview: headline figures, tickets by street, and the compound map. */
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { formatCount, formatPercent } from "../lib/format.ts";
import { type Lang, t } from "../lib/i18n.ts";
import { rampStops } from "../lib/map/style.ts";
import { type DistrictData, loadDistrict } from "./_shared/district_data.ts";
import { Figure } from "./_shared/Figure.tsx";
import { Legend } from "./_shared/Legend.tsx";
import { MapCanvas } from "./_shared/MapCanvas.tsx";
import { StatusMessage } from "./_shared/StatusMessage.tsx";
import { markReady } from "./_shared/store.ts";
import { useStoreQuery } from "./_shared/use_store_query.ts";

export interface OverviewProps {
  lang: Lang;
  engine: EngineUrls;
  mapWorker: string;
}

export default function OverviewDashboard({ lang, engine, mapWorker }: OverviewProps) {
  const state = useStoreQuery(engine, ({ db }) => loadDistrict(db, false));
  if (state.status !== "ready") return <StatusMessage state={state} lang={lang} />;
  return <Overview data={state.data} lang={lang} mapWorker={mapWorker} />;
}

function Overview({ data, lang, mapWorker }: { data: DistrictData; lang: Lang; mapWorker: string }) {
  const { headline: h, streets, layers } = data;
  const maxStreet = Math.max(1, ...streets.map((s) => Number(s.tickets)));
  const stops = rampStops(layers.compounds.features.map((f) => Number(f.properties.value)));
  return (
    <div class="overview">
      <section class="figures">
        <Figure metric="tickets_total" label={t(lang, "metric.tickets_total")} value={h.tickets_total} text={formatCount(h.tickets_total, lang)} />
        <Figure metric="tickets_30d" label={t(lang, "metric.tickets_30d")} value={h.tickets_30d} text={formatCount(h.tickets_30d, lang)} />
        <Figure metric="open" label={t(lang, "metric.open")} value={h.open} text={formatCount(h.open, lang)} />
        <Figure metric="satisfaction" label={t(lang, "metric.satisfaction")} value={h.satisfaction} text={formatPercent(h.satisfaction, lang)} />
        <Figure metric="compounds" label={t(lang, "metric.compounds")} value={h.compounds} text={formatCount(h.compounds, lang)} />
        <Figure metric="buildings" label={t(lang, "metric.buildings")} value={h.buildings} text={formatCount(h.buildings, lang)} />
      </section>
      <section class="panel map-panel">
        <h2>{t(lang, "overview.map_title")}</h2>
        <MapCanvas
          layers={layers}
          theme="light"
          stops={stops}
          workerUrl={mapWorker}
          attribution={t(lang, "attribution.demo")}
          onReady={markReady}
        />
        <Legend stops={stops} theme="light" lang={lang} />
      </section>
      <section class="panel">
        <h2>{t(lang, "overview.by_street")}</h2>
        <ul class="bars">
          {streets.map((s) => (
            <li key={String(s.place_id)} data-place={String(s.place_id)}>
              <span class="bar-label">{String(s.name)}</span>
              <span class="bar" style={{ width: `${(100 * Number(s.tickets)) / maxStreet}%` }} />
              <span class="bar-value">{formatCount(Number(s.tickets), lang)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
