import { engineUrls, mapWorkerUrl, parquetWasmUrl } from "../../components/vendor.ts";
import type { PageProps } from "../../framework/mod.ts";
import { langFromUrl } from "../../lib/i18n.ts";
import SqlWorkbench from "../../islands/SqlWorkbench.tsx";

const FIRST_QUERY = `SELECT s.name AS street, count(*) AS tickets,
  count(*) FILTER (WHERE t.status = 'open') AS open
FROM tickets t JOIN places s ON s.place_id = t.street_id
GROUP BY s.name
ORDER BY tickets DESC`;

export default function SqlPage({ url }: PageProps) {
  const sql = url.searchParams.get("q") ?? FIRST_QUERY;
  return (
    <SqlWorkbench
      lang={langFromUrl(url)}
      engine={engineUrls()}
      mapWorker={mapWorkerUrl()}
      parquetWasm={parquetWasmUrl()}
      initialSql={sql}
    />
  );
}
