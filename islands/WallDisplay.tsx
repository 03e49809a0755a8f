/**
 * The wall: dark, no controls, large figures readable across a room, the district
 * map beside them. It loads the store without personal columns, so no resident's
 * name, phone or description ever reaches this browser.
 */
import { compoundStops, type MapPageProps } from "./_shared/district_data.ts";
import { HeadlineFigures } from "./_shared/HeadlineFigures.tsx";
import { Legend } from "./_shared/Legend.tsx";
import { MapCanvas } from "./_shared/MapCanvas.tsx";
import { StatusMessage } from "./_shared/StatusMessage.tsx";
import { useDistrict } from "./_shared/use_district.ts";

export default function WallDisplay({ lang, engine, mapWorker }: MapPageProps) {
  const state = useDistrict(engine, { scope: "public" });
  if (state.status !== "ready") return <StatusMessage state={state} lang={lang} />;
  const { headline, layers } = state.data;
  const stops = compoundStops(layers);
  return (
    <div class="wall-scene">
      <MapCanvas class="wall-map" layers={layers} theme="dark" stops={stops} workerUrl={mapWorker} lang={lang} />
      <section class="wall-figures">
        <HeadlineFigures
          headline={headline}
          metrics={["tickets_30d", "open", "satisfaction", "tickets_total"]}
          lang={lang}
        />
        <Legend stops={stops} theme="dark" lang={lang} />
      </section>
    </div>
  );
}
