-- filter: none
SELECT h3_r8 AS id, count(*) AS tickets
FROM tickets
WHERE h3_r8 IS NOT NULL AND TRUE
GROUP BY ALL
ORDER BY id;

-- filter: every_part
SELECT h3_r8 AS id, count(*) AS tickets
FROM tickets
WHERE h3_r8 IS NOT NULL AND created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
GROUP BY ALL
ORDER BY id;
