/** The district overview: headline figures, tickets by street, and the compound map. */
import { formatCount } from "../lib/format.ts";
import { type Lang, t } from "../lib/i18n.ts";
import { compoundStops } from "../lib/map/class_breaks.ts";
import type { DistrictData, MapPageProps } from "../ui/common/district_data.ts";
import { HeadlineFigures } from "../ui/overview/HeadlineFigures.tsx";
import { Legend } from "../ui/overview/Legend.tsx";
import { MapCanvas } from "../ui/common/MapCanvas.tsx";
import { StatusMessage } from "../ui/common/StatusMessage.tsx";
import { useDistrict } from "../ui/overview/use_district.ts";

/** `qualityHref`: the data-quality page, for those who may open it. */
export default function OverviewDashboard(
  { lang, engine, mapWorker, qualityHref }: MapPageProps & { qualityHref?: string },
) {
  const state = useDistrict(engine, mapWorker);
  if (state.status !== "ready") return <StatusMessage state={state} lang={lang} />;
  return <Overview data={state.data} lang={lang} mapWorker={mapWorker} qualityHref={qualityHref} />;
}

function Overview(
  { data, lang, mapWorker, qualityHref }: { data: DistrictData; lang: Lang; mapWorker: string; qualityHref?: string },
) {
  const { headline, streets, layers } = data;
  const maxStreet = Math.max(1, ...streets.map((s) => Number(s.tickets)));
  const stops = compoundStops(layers);
  return (
    <div class="overview">
      <section class="figures">
        <HeadlineFigures
          headline={headline}
          metrics={["tickets_total", "tickets_30d", "open", "satisfaction", "unplaced_share", "compounds", "buildings"]}
          lang={lang}
        />
        {qualityHref && <a class="figures-link" href={qualityHref}>{t(lang, "quality.open_page")}</a>}
      </section>
      <section class="panel map-panel">
        <h2>{t(lang, "overview.map_title")}</h2>
        <MapCanvas layers={layers} theme="light" stops={stops} workerUrl={mapWorker} lang={lang} />
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
