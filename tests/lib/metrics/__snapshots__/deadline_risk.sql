WITH cut AS (
  SELECT c.date AS cut_date, c.workday_seq AS cut_seq FROM calendar c WHERE c.date = DATE '2024-03-08'
),
known AS (
  SELECT f.ticket_id, f.kind, f.category, f.street_id, f.community_id, f.compound_id, f.building_id,
    f.due_at_effective, cal.workday_seq AS created_seq,
    f.closed_date IS NOT NULL AND f.closed_date <= cut.cut_date AS closed,
    f.working_days_to_close,
    cut.cut_seq - cal.workday_seq AS age,
    due.workday_seq - cal.workday_seq AS allowed
  FROM ticket_facts f
  CROSS JOIN cut
  JOIN calendar cal ON cal.date = f.created_date
  LEFT JOIN calendar due ON due.date = CAST(f.due_at_effective - INTERVAL 1 MILLISECOND + INTERVAL 8 HOUR AS DATE)
  WHERE NOT f.merged AND f.created_date <= cut.cut_date
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
    kind, category, allowed, t, count(*) AS leaving, count(*) FILTER (WHERE event) AS events
  FROM exits
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
SELECT ticket_id, kind, category, street_id, community_id, compound_id, building_id,
  age AS age_workdays, allowed AS allowed_workdays, due_at_effective AS due_at,
  least(1, greatest(0, probability)) AS probability, stratum, at_risk, age >= allowed / 2.0 AS half_rule
FROM estimates
ORDER BY probability DESC, due_at, ticket_id