WITH v AS (SELECT id, value::DOUBLE AS x FROM (SELECT id, value FROM v)),
stats AS (SELECT count(*) AS n, avg(x) AS mean, sqrt(greatest(0, avg(x * x) - avg(x) * avg(x))) AS s FROM v),
w AS (SELECT id, neighbour FROM (SELECT id, neighbour FROM n) WHERE id <> neighbour UNION SELECT id, id FROM v),
lag AS (SELECT w.id, sum(v.x) AS lag, count(*) AS weights FROM w JOIN v ON v.id = w.neighbour GROUP BY w.id),
scored AS (
  SELECT lag.id, lag.lag, s * sqrt((n * weights - weights * weights) / (n - 1)) AS spread, mean * weights AS expected
  FROM lag, stats
),
zs AS (SELECT id, CASE WHEN spread > 0 THEN (lag - expected) / spread ELSE 0 END AS z FROM scored),
ts AS (SELECT id, z, 1 / (1 + 0.5 * abs(z) / sqrt(2)) AS t FROM zs),
ps AS (SELECT id, z, least(1, t * exp(-(z * z / 2) + -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * (0.17087277))))))))))) AS p FROM ts)
SELECT v.id, v.x AS value, ps.z, ps.p,
  CASE WHEN p < 0.01 AND z > 0 THEN 'hot99' WHEN p < 0.01 AND z < 0 THEN 'cold99'
    WHEN p < 0.05 AND z > 0 THEN 'hot95' WHEN p < 0.05 AND z < 0 THEN 'cold95'
    WHEN p < 0.1 AND z > 0 THEN 'hot90' WHEN p < 0.1 AND z < 0 THEN 'cold90'
    ELSE 'none' END AS class
FROM v JOIN ps USING (id)
ORDER BY v.id