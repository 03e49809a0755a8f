SELECT 'status' AS field, status_source AS word, status AS code, count(*) AS rows
FROM tickets WHERE status_source IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'kind', kind_source, kind, count(*) FROM tickets WHERE kind_source IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'source', source, source, count(*) FROM tickets WHERE source IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'result', result_source, result, count(*) FROM callbacks WHERE result_source IS NOT NULL GROUP BY ALL
ORDER BY field, rows DESC, word