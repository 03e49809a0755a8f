/**
 * The street officials' map: the district with streets, communities, compounds and
 * building footprints, and the streets' figures beside it. Drill-down and
 * cross-filtering build on this.
 */
import { formatCount } from "../lib/format.ts";
import { t } from "../lib/i18n.ts";
import { compoundStops, type MapPageProps } from "./_shared/district_data.ts";
import { Legend } from "./_shared/Legend.tsx";
import { MapCanvas } from "./_shared/MapCanvas.tsx";
import { StatusMessage } from "./_shared/StatusMessage.tsx";
import { useDistrict } from "./_shared/use_district.ts";

export default function DrillMap({ lang, engine, mapWorker }: MapPageProps) {
  const state = useDistrict(engine, { withBuildings: true });
  if (state.status !== "ready") return <StatusMessage state={state} lang={lang} />;
  const { layers, streets } = state.data;
  const stops = compoundStops(layers);
  return (
    <div class="drill">
      <MapCanvas class="drill-map" layers={layers} theme="light" stops={stops} workerUrl={mapWorker} lang={lang} />
      <aside class="panel drill-panel">
        <nav class="breadcrumb">{t(lang, "level.district")}</nav>
        <h2>{t(lang, "map.streets")}</h2>
        <table class="table">
          <thead>
            <tr>
              <th>{t(lang, "level.street")}</th>
              <th class="num">{t(lang, "metric.tickets_total")}</th>
              <th class="num">{t(lang, "metric.open")}</th>
            </tr>
          </thead>
          <tbody>
            {streets.map((s) => (
              <tr key={String(s.place_id)} data-place={String(s.place_id)}>
                <td>{String(s.name)}</td>
                <td class="num">{formatCount(Number(s.tickets), lang)}</td>
                <td class="num">{formatCount(Number(s.open), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Legend stops={stops} theme="light" lang={lang} />
      </aside>
    </div>
  );
}
