/** What every review loads besides its own figures: place names, the district, the data-as-of time. */
import type { Connector, Row } from "../db/connector.ts";
import { DATA_AS_OF_SQL } from "../metrics/overview.ts";
import { REVIEW_PLACES_SQL, STREET_SCORECARDS } from "./scorecard.ts";

export interface ReviewPlaces {
  district: string | null;
  asOf: number | null;
  /** Streets and communities by id. */
  byId: Map<string, Row>;
}

export async function loadReviewPlaces(db: Connector): Promise<ReviewPlaces> {
  const [places, [asOf]] = await Promise.all([db.query(REVIEW_PLACES_SQL), db.query(DATA_AS_OF_SQL)]);
  return {
    district: (places.find((p) => p.level === "district")?.name as string | undefined) ?? null,
    asOf: (asOf?.as_of as number | null) ?? null,
    byId: new Map(places.map((p) => [String(p.place_id), p])),
  };
}

/** Adds the place's name (and, for communities, its street's) to rows keyed by `place_id`. */
export function withPlaceNames(rows: Row[], places: ReviewPlaces): Row[] {
  return rows.map((r) => {
    const place = places.byId.get(String(r.place_id));
    const street = place?.street_id ? places.byId.get(String(place.street_id)) : undefined;
    return { ...r, name: place?.name ?? r.place_id, street: street?.name ?? null };
  });
}

/**
 * The streets whose tickets this connection holds, when it also holds the server's figures
 * of every street (a street official's scope: theirs; a masked role's: all); else null.
 */
export async function heldStreets(db: Connector): Promise<Set<string> | null> {
  const [{ stored }] = await db.query<{ stored: number }>(
    // Not information_schema, whose views take a fifth of a second to bind in the browser.
    `SELECT count(*) AS stored FROM duckdb_columns() WHERE table_name = '${STREET_SCORECARDS.name}'`,
  );
  if (!stored) return null;
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT street_id AS id FROM tickets WHERE street_id IS NOT NULL`,
  );
  return new Set(rows.map((r) => r.id));
}
