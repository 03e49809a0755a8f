SELECT p.place_id, p.name, count(t.ticket_id) AS tickets,
  count(t.ticket_id) FILTER (WHERE t.status = 'open') AS open
FROM places p LEFT JOIN tickets t ON t.street_id = p.place_id
WHERE p.level = 'street'
GROUP BY ALL
ORDER BY tickets DESC, p.place_id