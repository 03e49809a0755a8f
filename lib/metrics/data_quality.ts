/**
 * The data-quality page's figures, as SQL builders: tickets not placed in a compound and
 * why, the import notes by import and field, and the words the sources wrote for status,
 * kind, channel and callback result with the code each became.
 */
import { vocabularies, type VocabularyField } from "../import/vocabularies.ts";
import { EARTH_RADIUS_M } from "./hotspots.ts";
import { sqlString } from "./sql.ts";

export const UNPLACED_REASONS = ["address_not_matched", "outside_compounds", "outside_district"] as const;
export type UnplacedReason = typeof UNPLACED_REASONS[number];

/**
 * Why a ticket has no compound, or null when it has one: no coordinates and an address
 * that matched no compound; coordinates inside the district but in no compound;
 * coordinates outside every street, community and grid.
 */
export const UNPLACED_REASON_SQL = `CASE
    WHEN compound_id IS NOT NULL THEN NULL
    WHEN lon IS NULL OR lat IS NULL THEN 'address_not_matched'
    WHEN street_id IS NULL AND community_id IS NULL AND grid_id IS NULL THEN 'outside_district'
    ELSE 'outside_compounds' END`;

/**
 * The share of tickets not placed in a compound, whatever the reason: the overview's
 * figure and the data-quality page's total.
 */
export function unplacedShareSql(): string {
  return `SELECT count(*) FILTER (WHERE (${UNPLACED_REASON_SQL}) IS NOT NULL) AS unplaced, count(*) AS tickets,
  count(*) FILTER (WHERE (${UNPLACED_REASON_SQL}) IS NOT NULL) / nullif(count(*), 0) AS share
FROM tickets`;
}

/** Tickets not placed, by reason, with their share of all tickets; every reason listed, zeros too. */
export function unplacedByReasonSql(): string {
  return `WITH reasons AS (SELECT ${UNPLACED_REASON_SQL} AS reason FROM tickets),
all_reasons(reason, ord) AS (VALUES ${UNPLACED_REASONS.map((r, i) => `('${r}', ${i})`).join(", ")})
SELECT a.reason, count(r.reason) AS tickets,
  count(r.reason) / nullif((SELECT count(*) FROM tickets), 0) AS share
FROM all_reasons a LEFT JOIN reasons r ON r.reason = a.reason
GROUP BY a.reason, a.ord
ORDER BY a.ord`;
}

/** The tickets not placed for one reason, newest first, with what may place them. */
export function unplacedTicketsSql(reason: UnplacedReason, limit = 500): string {
  if (!UNPLACED_REASONS.includes(reason)) throw new Error(`unknown reason "${reason}"`);
  return `SELECT ticket_id, created_at, address, lon, lat, street_id, community_id
FROM tickets
WHERE ${UNPLACED_REASON_SQL} = ${sqlString(reason)}
ORDER BY created_at DESC, ticket_id
LIMIT ${Math.max(0, Math.floor(limit))}`;
}

/**
 * Compounds an unmatched address may mean, for the tickets `unplacedTicketsSql` lists: those
 * whose name or an alias shares at least half of its pairs of consecutive characters with
 * the address (德沁园3栋 shares 德沁 with 德沁苑), within the ticket's community when the
 * file gave one; the best `per` for each ticket, the closest spelling first.
 */
export function addressSuggestionsSql(limit = 500, per = 3): string {
  return `WITH listed AS (${unplacedTicketsSql("address_not_matched", limit)}),
texts AS (
  SELECT place_id, name, parent_id, name AS text FROM places WHERE level = 'compound' AND name IS NOT NULL
  UNION ALL
  SELECT place_id, name, parent_id, unnest(string_split(aliases, '|')) FROM places
  WHERE level = 'compound' AND name IS NOT NULL AND aliases IS NOT NULL),
pairs AS (
  SELECT place_id, name, parent_id, text, substr(text, i + 1, 2) AS pair
  FROM (SELECT *, unnest(range(greatest(length(text) - 1, 1))) AS i FROM texts WHERE length(text) > 0)),
scored AS (
  SELECT l.ticket_id, p.place_id, p.name,
    count(*) FILTER (WHERE contains(l.address, p.pair)) / count(*) AS score,
    jaro_winkler_similarity(p.text, l.address) AS closeness
  FROM listed l JOIN pairs p ON l.community_id IS NULL OR p.parent_id = l.community_id
  WHERE l.address IS NOT NULL
  GROUP BY l.ticket_id, l.address, p.place_id, p.name, p.text
  HAVING score >= 0.5
  QUALIFY row_number() OVER (PARTITION BY l.ticket_id, p.place_id ORDER BY score DESC, closeness DESC) = 1)
SELECT ticket_id, place_id, name, score FROM scored
QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY score DESC, closeness DESC, place_id) <= ${
    Math.max(1, Math.floor(per))
  }
ORDER BY ticket_id, score DESC, closeness DESC, place_id`;
}

/**
 * The compounds nearest each ticket `unplacedTicketsSql` lists as outside every compound,
 * by the distance in metres to their centre (`places.lon`/`lat`; a flat-earth distance,
 * exact enough within a district), the nearest `per` first: where the ticket may belong
 * when an outline is missing or drawn short.
 */
export function nearestCompoundsSql(limit = 500, per = 3): string {
  return `WITH listed AS (${unplacedTicketsSql("outside_compounds", limit)})
SELECT l.ticket_id, p.place_id, p.name,
  round(${EARTH_RADIUS_M} * sqrt(pow(radians(p.lat - l.lat), 2)
    + pow(radians(p.lon - l.lon) * cos(radians(l.lat)), 2))) AS metres
FROM listed l JOIN places p ON p.level = 'compound' AND p.lon IS NOT NULL AND p.lat IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY l.ticket_id ORDER BY metres, p.place_id) <= ${Math.max(1, Math.floor(per))}
ORDER BY l.ticket_id, metres, p.place_id`;
}

/**
 * Notes per import and field, the newest import first, with the first note's row and
 * problem as an example of what the rest say.
 */
export function notesByImportSql(): string {
  return `SELECT import_id, table_name, file, field, count(*) AS notes, min(noted_at) AS noted_at,
  min(row) AS first_row, arg_min(problem, note_no) AS example
FROM import_notes
GROUP BY ALL
ORDER BY noted_at DESC, import_id, notes DESC, field`;
}

/**
 * The words the sources wrote, per field, with the code each became and how many rows
 * have it. A kind or result word with no code was not recognised; a status or channel
 * word always has one (status falls back to the closing time, a channel keeps its word),
 * so those are told apart by lib/import/vocabularies.ts's table (`unrecognisedWords`).
 */
export function sourceWordsSql(): string {
  return `SELECT 'status' AS field, status_source AS word, status AS code, count(*) AS rows
FROM tickets WHERE status_source IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'kind', kind_source, kind, count(*) FROM tickets WHERE kind_source IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'source', source, source, count(*) FROM tickets WHERE source IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'result', result_source, result, count(*) FROM callbacks WHERE result_source IS NOT NULL GROUP BY ALL
ORDER BY field, rows DESC, word`;
}

export interface SourceWord {
  field: VocabularyField;
  word: string;
  code: string | null;
  rows: number;
}

/**
 * The rows of `sourceWordsSql` whose word the vocabularies did not know: a kind or result
 * word left without a code, a status or channel word data/config/vocabularies.json has no
 * entry for. The store does not keep the mapping a file was imported with, so a status
 * word a mapping named is listed too, with the code it was given.
 */
export function unrecognisedWords(words: SourceWord[]): SourceWord[] {
  const vocabulary = vocabularies();
  return words.filter((w) =>
    w.field === "kind" || w.field === "result" ? w.code === null : vocabulary[w.field].lookUp(w.word) === null
  );
}
