/**
 * `/data/quality` (admins only, by the access policy: the import notes quote what source
 * files held, and the lists show residents' addresses as stored): tickets not placed and
 * why, the notes of each import, the words the vocabularies did not know.
 */
import { engineUrls, mapWorkerUrl } from "../../../components/vendor.ts";
import type { PageProps } from "../../../framework/mod.ts";
import DataQuality from "../../../islands/DataQuality.tsx";
import { langFromUrl } from "../../../lib/i18n.ts";

export default function DataQualityPage({ url }: PageProps) {
  return <DataQuality lang={langFromUrl(url)} engine={engineUrls()} mapWorker={mapWorkerUrl()} />;
}
