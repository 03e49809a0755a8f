-- filter: none
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS closed,
  count(published_at) AS published,
  count(*) FILTER (WHERE published_within_rule) AS published_in_time,
  count(published_within_rule) AS publication_due,
  (count(*) FILTER (WHERE published_within_rule)) / nullif(count(published_within_rule), 0) AS publication_rate,
  quantile_cont(publication_days, 0.5) AS median_publication_days,
  count(*) FILTER (WHERE published_at IS NULL) AS unpublished,
  count(*) FILTER (WHERE publication_overdue) AS publication_overdue,
  count(*) FILTER (WHERE has_reply) AS replied,
  (count(*) FILTER (WHERE has_reply)) / nullif(count(has_reply), 0) AS reply_coverage
FROM ticket_facts
WHERE NOT merged
  AND status = 'closed'
GROUP BY place_id, period, category
ORDER BY place_id, period, category;

-- filter: every_part
SELECT
  community_id AS place_id,
  CAST(date_trunc('month', created_date) AS DATE) AS period,
  category,
  count(*) AS closed,
  count(published_at) AS published,
  count(*) FILTER (WHERE published_within_rule) AS published_in_time,
  count(published_within_rule) AS publication_due,
  (count(*) FILTER (WHERE published_within_rule)) / nullif(count(published_within_rule), 0) AS publication_rate,
  quantile_cont(publication_days, 0.5) AS median_publication_days,
  count(*) FILTER (WHERE published_at IS NULL) AS unpublished,
  count(*) FILTER (WHERE publication_overdue) AS publication_overdue,
  count(*) FILTER (WHERE has_reply) AS replied,
  (count(*) FILTER (WHERE has_reply)) / nullif(count(has_reply), 0) AS reply_coverage
FROM ticket_facts
WHERE created_at >= TIMESTAMP '2023-12-31 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND street_id IN ('S1') AND category IN ('电梯', 'O''Brien') AND kind IN ('complaint') AND source IN ('hotline') AND status IN ('open', 'closed')
  AND NOT merged
  AND status = 'closed'
GROUP BY place_id, period, category
ORDER BY place_id, period, category;
