/** The queries every map page starts from: the district's geometry and headline figures. */
import type { Connector, Row } from "../../lib/db/connector.ts";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import type { Lang } from "../../lib/i18n.ts";
import { type DistrictLayers, loadDistrictLayers } from "../../lib/map/district_layers.ts";
import { headlineSql, ticketsByStreetSql } from "../../lib/metrics/overview.ts";

/** What every map page's island receives: the language and URLs, never data. */
export interface MapPageProps {
  lang: Lang;
  engine: EngineUrls;
  mapWorker: string;
}

export interface Headline {
  tickets_total: number;
  open: number;
  tickets_30d: number;
  satisfaction: number | null;
  compounds: number;
  buildings: number;
  /** Of all tickets, those in no compound (lib/metrics/data_quality.ts); null without tickets. */
  unplaced_share: number | null;
}

export interface DistrictData {
  headline: Headline;
  streets: Row[];
  layers: DistrictLayers;
}

export async function loadDistrict(db: Connector): Promise<DistrictData> {
  const [headline, streets, layers] = await Promise.all([
    db.query<Headline>(headlineSql()),
    db.query(ticketsByStreetSql()),
    loadDistrictLayers(db),
  ]);
  return { headline: headline[0], streets, layers };
}
