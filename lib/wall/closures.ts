/**
 * The rolling list of recent closures: when, where (community and compound, never the
 * building or the address), what kind of problem, and how it ended. ticket_facts holds
 * no personal column, and this query names none.
 */

export function recentClosuresSql(limit: number): string {
  return `SELECT f.ticket_id, f.closed_at, f.category, f.status_source, f.resolved_level, f.callback_result,
  community.name AS community, compound.name AS compound
FROM ticket_facts f
LEFT JOIN places community ON community.place_id = f.community_id
LEFT JOIN places compound ON compound.place_id = f.compound_id
WHERE f.status = 'closed' AND NOT f.merged AND f.closed_at IS NOT NULL
ORDER BY f.closed_at DESC, f.ticket_id
LIMIT ${Math.max(0, Math.floor(limit))}`;
}
