/**
 * The data-quality page's figures, as SQL builders: tickets not placed in a compound and
 * why, the import notes by import and field, and the words the sources wrote for status,
 * kind, channel and callback result with the code each became.
 */
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

/** Notes per import and field, the newest import first. */
export function notesByImportSql(): string {
  return `SELECT import_id, table_name, file, field, count(*) AS notes, min(noted_at) AS noted_at
FROM import_notes
GROUP BY ALL
ORDER BY noted_at DESC, import_id, notes DESC, field`;
}

/**
 * The words the sources wrote, per field, with the code each became and how many rows
 * have it. A kind or result word with no code was not recognised; a status or channel
 * word always has one (status falls back to the closing time, a channel keeps its word),
 * so those are told apart by lib/import/vocabularies.ts's table.
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
