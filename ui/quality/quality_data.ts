/** What the data-quality page reads from the store: every figure from lib/metrics/data_quality.ts. */
import type { Connector } from "../../lib/db/connector.ts";
import { type DistrictLayers, loadDistrictLayers } from "../../lib/map/district_layers.ts";
import type { FeatureCollection } from "../../lib/map/geojson.ts";
import { UNPLACED_COLORS } from "../../lib/map/palette.ts";
import {
  addressSuggestionsSql,
  nearestCompoundsSql,
  notesByImportSql,
  type SourceWord,
  sourceWordsSql,
  UNPLACED_REASONS,
  unplacedByReasonSql,
  type UnplacedReason,
  unplacedShareSql,
  unplacedTicketsSql,
  unrecognisedWords,
} from "../../lib/metrics/data_quality.ts";

/** The newest tickets listed (and drawn) per reason. */
export const LISTED = 500;

export interface UnplacedTicket {
  ticket_id: string;
  created_at: number | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  street_id: string | null;
  community_id: string | null;
}

export interface NoteGroup {
  import_id: string;
  table_name: string;
  file: string;
  field: string | null;
  notes: number;
  noted_at: number;
  first_row: number;
  example: string;
}

export interface Suggestion {
  name: string;
  metres?: number;
}

export interface QualityData {
  share: { unplaced: number; tickets: number; share: number | null };
  reasons: { reason: UnplacedReason; tickets: number; share: number | null }[];
  tickets: Record<UnplacedReason, UnplacedTicket[]>;
  /**
   * Compounds per listed ticket, the likeliest first: for an address that matched none, by
   * name; for a ticket outside every compound, the nearest (with the metres to its centre).
   */
  suggestions: Map<string, Suggestion[]>;
  notes: NoteGroup[];
  words: SourceWord[];
  layers: DistrictLayers;
}

export async function loadQuality(db: Connector): Promise<QualityData> {
  const [share, reasons, lists, byName, nearest, notes, words, layers] = await Promise.all([
    db.query<QualityData["share"]>(unplacedShareSql()),
    db.query<QualityData["reasons"][number]>(unplacedByReasonSql()),
    Promise.all(UNPLACED_REASONS.map((r) => db.query<UnplacedTicket>(unplacedTicketsSql(r, LISTED)))),
    db.query<Suggestion & { ticket_id: string }>(addressSuggestionsSql(LISTED)),
    db.query<Suggestion & { ticket_id: string }>(nearestCompoundsSql(LISTED)),
    db.query<NoteGroup>(notesByImportSql()),
    db.query<SourceWord>(sourceWordsSql()),
    loadDistrictLayers(db),
  ]);
  const suggestions = new Map<string, Suggestion[]>();
  for (const { ticket_id, name, metres } of [...byName, ...nearest]) {
    suggestions.set(ticket_id, [...suggestions.get(ticket_id) ?? [], { name, metres }]);
  }
  return {
    share: share[0],
    reasons,
    tickets: Object.fromEntries(UNPLACED_REASONS.map((r, i) => [r, lists[i]])) as QualityData["tickets"],
    suggestions,
    notes,
    words: unrecognisedWords(words),
    layers,
  };
}

/** The listed tickets that have coordinates, as points in their reason's colour. */
export function unplacedPoints(tickets: QualityData["tickets"]): FeatureCollection {
  const placed = (["outside_compounds", "outside_district"] as const).flatMap((reason) =>
    tickets[reason].filter((t) => t.lon != null && t.lat != null).map((t) => ({ reason, t }))
  );
  return {
    type: "FeatureCollection",
    features: placed.map(({ reason, t }, i) => ({
      type: "Feature",
      id: i,
      geometry: { type: "Point", coordinates: [t.lon, t.lat] },
      properties: { ticket_id: t.ticket_id, reason, color: UNPLACED_COLORS[reason] },
    })),
  };
}
