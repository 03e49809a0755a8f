/**
 * The data-quality page: tickets not placed in a compound, by reason, as a list and on the
 * map; the import notes by import and field; the words the vocabularies did not know.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { type Lang, t } from "../lib/i18n.ts";
import { bounds } from "../lib/map/geojson.ts";
import type { UnplacedReason } from "../lib/metrics/data_quality.ts";
import type { MapPageProps } from "../ui/common/district_data.ts";
import { loadMapLibre, MapCanvas } from "../ui/common/MapCanvas.tsx";
import { StatusMessage } from "../ui/common/StatusMessage.tsx";
import { useStoreQuery } from "../ui/common/use_store_query.ts";
import { NotesTable } from "../ui/quality/NotesTable.tsx";
import { loadQuality, type QualityData, unplacedPoints } from "../ui/quality/quality_data.ts";
import { ReasonFigures } from "../ui/quality/ReasonFigures.tsx";
import { UnplacedList } from "../ui/quality/UnplacedList.tsx";
import { WordsTable } from "../ui/quality/WordsTable.tsx";

export default function DataQuality({ lang, engine, mapWorker }: MapPageProps) {
  useEffect(() => void loadMapLibre(mapWorker), []);
  const state = useStoreQuery(engine, ({ db }) => loadQuality(db));
  if (state.status !== "ready") return <StatusMessage state={state} lang={lang} />;
  return <Quality data={state.data} lang={lang} mapWorker={mapWorker} />;
}

function Quality({ data, lang, mapWorker }: { data: QualityData; lang: Lang; mapWorker: string }) {
  // The list opens on the reason with most tickets.
  const [reason, setReason] = useState<UnplacedReason>(
    () => data.reasons.reduce((a, b) => b.tickets > a.tickets ? b : a).reason,
  );
  const points = useMemo(() => unplacedPoints(data.tickets), [data]);
  const layers = useMemo(() => ({ ...data.layers, overlay: points }), [data, points]);
  // The district: a ticket outside it may be anywhere (coordinates in another system), and its list says where.
  const extent = useMemo(() => bounds(data.layers.streets), [data]);
  const count = data.reasons.find((r) => r.reason === reason)?.tickets ?? 0;
  return (
    <div class="quality">
      <p class="quality-intro">{t(lang, "quality.intro")}</p>
      <section class="panel quality-unplaced">
        <h2>{t(lang, "quality.unplaced")}</h2>
        <ReasonFigures share={data.share} reasons={data.reasons} selected={reason} onSelect={setReason} lang={lang} />
        <UnplacedList
          reason={reason}
          count={count}
          rows={data.tickets[reason]}
          suggestions={data.suggestions}
          lang={lang}
        />
      </section>
      <section class="panel map-panel quality-map">
        <h2>{t(lang, "quality.map_title")}</h2>
        <p class="quality-hint">
          {t(lang, points.features.length === 0 ? "quality.map_none" : "quality.map_extent")}
        </p>
        <MapCanvas layers={layers} theme="light" stops={[]} workerUrl={mapWorker} lang={lang} bounds={extent} />
      </section>
      <section class="panel">
        <h2>{t(lang, "quality.notes")}</h2>
        <p class="quality-hint">{t(lang, "quality.notes_hint")}</p>
        <NotesTable notes={data.notes} lang={lang} />
      </section>
      <section class="panel">
        <h2>{t(lang, "quality.words")}</h2>
        <p class="quality-hint">{t(lang, "quality.words_hint")}</p>
        <WordsTable words={data.words} lang={lang} />
      </section>
    </div>
  );
}
