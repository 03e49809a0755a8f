-- filter: none
SELECT CAST(date_trunc('week', CAST(created_at + INTERVAL 8 HOUR AS DATE)) AS DATE) AS week, category, count(*) AS tickets, count(closed_at) AS closed, sum((epoch_ms(closed_at) - epoch_ms(created_at)) / 3600000.0) AS resolution_hours
FROM "tickets"
WHERE TRUE
GROUP BY ALL
ORDER BY 1, 2;

-- filter: every_part
SELECT CAST(date_trunc('week', CAST(created_at + INTERVAL 8 HOUR AS DATE)) AS DATE) AS week, category, count(*) AS tickets, count(closed_at) AS closed, sum((epoch_ms(closed_at) - epoch_ms(created_at)) / 3600000.0) AS resolution_hours
FROM "tickets"
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
GROUP BY ALL
ORDER BY 1, 2;
