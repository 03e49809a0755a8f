-- filter: none
SELECT ticket_id, created_at, due_at_effective,
  (epoch_ms(as_of) - epoch_ms(due_at_effective)) / 86400000.0 AS overdue_days,
  kind, category, source, status_source, handler,
  street_id, community_id, grid_id, compound_id, building_id
FROM ticket_facts
WHERE overdue_open AND TRUE
ORDER BY overdue_days DESC, ticket_id
LIMIT 10;

-- filter: every_part
SELECT ticket_id, created_at, due_at_effective,
  (epoch_ms(as_of) - epoch_ms(due_at_effective)) / 86400000.0 AS overdue_days,
  kind, category, source, status_source, handler,
  street_id, community_id, grid_id, compound_id, building_id
FROM ticket_facts
WHERE overdue_open AND created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
ORDER BY overdue_days DESC, ticket_id
LIMIT 10;
