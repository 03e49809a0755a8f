WITH cut AS (
  SELECT c.date AS cut_date, c.workday_seq AS cut_seq, (SELECT max(workday_seq) FROM calendar) AS last_seq
  FROM calendar c WHERE c.date = DATE '2024-03-08'
),
received AS (
  SELECT ticket_id, kind, category, street_id, community_id, compound_id, building_id, due_at,
    CAST(created_at + INTERVAL 8 HOUR AS DATE) AS created_date, CAST(closed_at + INTERVAL 8 HOUR AS DATE) AS closed_date,
    CASE WHEN t.category = '违章搭建' THEN 15
      WHEN t.category = '房屋维修' THEN 15
      WHEN t.category = '绿化' THEN 15
      ELSE 7 END AS deadline_workdays
  FROM tickets t
  WHERE merged_into IS NULL
),
-- allowed: to the working day due_at falls in, else the rules' working days when the calendar holds that day.
known AS (
  SELECT r.ticket_id, r.kind, r.category, r.street_id, r.community_id, r.compound_id, r.building_id, r.due_at,
    cal.workday_seq AS created_seq,
    r.closed_date IS NOT NULL AND r.closed_date <= cut.cut_date AS closed,
    closing.workday_seq - cal.workday_seq AS working_days_to_close,
    cut.cut_seq - cal.workday_seq AS age,
    CASE WHEN r.due_at IS NOT NULL THEN due.workday_seq - cal.workday_seq
      WHEN cal.workday_seq + r.deadline_workdays BETWEEN 1 AND cut.last_seq THEN r.deadline_workdays END AS allowed
  FROM received r
  CROSS JOIN cut
  JOIN calendar cal ON cal.date = r.created_date
  LEFT JOIN calendar closing ON closing.date = r.closed_date
  LEFT JOIN calendar due ON due.date = CAST(r.due_at - INTERVAL 1 MILLISECOND + INTERVAL 8 HOUR AS DATE)
  WHERE r.created_date <= cut.cut_date
),
-- Each ticket leaves the risk set once: closed at its working days to close, or censored.
exits AS (
  SELECT kind, category, allowed,
    least(CASE WHEN closed THEN working_days_to_close ELSE age END, 60) AS t,
    closed AND working_days_to_close <= 60 AS event
  FROM known
),
strata AS (
  SELECT CASE WHEN grouping(kind) = 0 THEN 'kind_category' WHEN grouping(category) = 0 THEN 'category'
      WHEN grouping(allowed) = 0 THEN 'deadline' ELSE 'all' END AS stratum,
    kind, category, allowed, t, CAST(sum(leaving) AS BIGINT) AS leaving, CAST(sum(events) AS BIGINT) AS events
  -- Counted once at the finest stratum, then summed up: the coarser ones read thousands of rows, not every ticket.
  FROM (
    SELECT kind, category, allowed, t, count(*) AS leaving, count(*) FILTER (WHERE event) AS events
    FROM exits GROUP BY kind, category, allowed, t
  )
  GROUP BY GROUPING SETS ((kind, category, allowed, t), (category, allowed, t), (allowed, t), (t))
),
grid AS (
  SELECT s.stratum, s.kind, s.category, s.allowed, g.t
  FROM (SELECT DISTINCT stratum, kind, category, allowed FROM strata) s
  CROSS JOIN (SELECT unnest(range(0, 61)) AS t) g
),
curve AS (
  SELECT g.stratum, g.kind, g.category, g.allowed, g.t,
    sum(coalesce(s.leaving, 0)) OVER (PARTITION BY g.stratum, g.kind, g.category, g.allowed ORDER BY g.t DESC
      ROWS UNBOUNDED PRECEDING) AS at_risk,
    coalesce(s.events, 0) AS events
  FROM grid g
  LEFT JOIN strata s ON s.stratum = g.stratum AND s.kind IS NOT DISTINCT FROM g.kind
    AND s.category IS NOT DISTINCT FROM g.category AND s.allowed IS NOT DISTINCT FROM g.allowed AND s.t = g.t
),
survival AS (
  SELECT stratum, kind, category, allowed, t, at_risk,
    exp(sum(ln(greatest(1 - coalesce(events / nullif(at_risk, 0), 0), 1e-12))) OVER (PARTITION BY stratum, kind,
      category, allowed ORDER BY t ROWS UNBOUNDED PRECEDING)) AS s
  FROM curve
),
open_now AS (
  SELECT * FROM known WHERE NOT closed AND allowed IS NOT NULL AND allowed >= age
),
-- The finest stratum with enough tickets at risk at the ticket's age: kind, category and deadline, then coarser.
same AS (
  SELECT o.ticket_id, o.age, o.allowed, st.stratum, st.kind, st.category, st.allowed AS stratum_allowed,
    st.at_risk, st.s AS s_age,
    CASE st.stratum WHEN 'kind_category' THEN 0 WHEN 'category' THEN 1 WHEN 'deadline' THEN 2 ELSE 3 END AS fineness
  FROM open_now o
  JOIN survival st ON st.t = least(o.age, 60)
    AND (st.stratum = 'all' OR (st.allowed IS NOT DISTINCT FROM o.allowed
      AND (st.stratum = 'deadline' OR (st.category IS NOT DISTINCT FROM o.category
        AND (st.stratum = 'category' OR st.kind IS NOT DISTINCT FROM o.kind)))))
),
chosen AS (
  SELECT * FROM same
  QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY (at_risk >= 30) DESC, fineness) = 1
),
estimates AS (
  SELECT o.*, c.stratum, c.at_risk,
    sd.s / nullif(c.s_age, 0) AS probability
  FROM open_now o
  JOIN chosen c USING (ticket_id)
  JOIN survival sd ON sd.stratum = c.stratum AND sd.kind IS NOT DISTINCT FROM c.kind
    AND sd.category IS NOT DISTINCT FROM c.category AND sd.allowed IS NOT DISTINCT FROM c.stratum_allowed
    AND sd.t = least(o.allowed, 60)
)
SELECT * FROM (
SELECT e.ticket_id, e.kind, e.category, e.street_id, e.community_id, e.compound_id, e.building_id,
  e.age AS age_workdays, e.allowed AS allowed_workdays, coalesce(e.due_at, (CAST(d.date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 8 HOUR)) AS due_at,
  least(1, greatest(0, e.probability)) AS probability, e.stratum, e.at_risk, e.age >= e.allowed / 2.0 AS half_rule
FROM estimates e
LEFT JOIN calendar d ON e.due_at IS NULL AND d.is_workday AND d.workday_seq = e.created_seq + e.allowed
)
ORDER BY probability DESC, due_at, ticket_id