/**
 * Deadline risk (临期预警): for each open ticket not yet overdue, the probability that it
 * misses its deadline, from how long tickets of its kind and category took before.
 *
 * A Kaplan–Meier estimate in working days on the official calendar: S(t) is the share of
 * tickets still open after t working days, from closed tickets (an event at their
 * working days to close) and tickets still open at the cut (censored at their age: the cut
 * is the end of a local day). A ticket open at age a with D working days allowed misses
 * when it is still open after D: P = S(D) / S(a). Past the last ticket seen at risk the
 * curve stays where it was, as Kaplan–Meier's does. The
 * estimate is per kind, category and deadline (a ticket given 15 working days is a
 * complex one, and slower) where enough tickets were at risk at that age, else per
 * category and deadline, else per deadline, else over all tickets. The stage a ticket has reached (dispatched,
 * accepted) is not a stratum: in the history it is reached within hours, so it tells
 * little about the days left.
 *
 * `cut` makes the estimate as it was at the end of a past local day, from what was known
 * then, for back-testing; by default it is the store's newest day.
 *
 * The tickets are read from `tickets` with the calendar, not from `ticket_facts`: the
 * estimate needs three of the view's clocks (received, closed and due, in working days),
 * whose other joins cost seconds at 1M tickets. The deadline is the view's: `due_at`, else
 * the end of the working day that the deadline rules give.
 */
import { deadlineWorkdaysSql, DEFAULT_CONFIG, type MetricsConfig } from "../metrics/deadlines.ts";
import { dateLiteral, endOfLocalDay, localDate } from "../metrics/sql.ts";

/** Working days the survival curve is followed for; later closings count as "still open" at its end. */
export const HORIZON_WORKDAYS = 60;
/** A stratum needs at least this many tickets at risk at the ticket's age, else a coarser one is used. */
export const MIN_AT_RISK = 30;

export interface RiskOptions {
  /** Local date (YYYY-MM-DD) at whose end the estimate is made; default: the store's newest day. */
  cut?: string;
  /** Local time = UTC + this; default: the deadline configuration's. */
  utcOffsetHours?: number;
  /** The deadline rules (those `ticket_facts` was created with); default: DEFAULT_CONFIG. */
  deadlines?: MetricsConfig;
}

/**
 * One row per ticket open at the cut and not yet past its deadline: `ticket_id`, `kind`,
 * `category`, place columns, `age_workdays` (a), `allowed_workdays` (D), `due_at`,
 * `probability`, `stratum` (`kind_category` / `category` / `deadline` / `all`), `at_risk`, and
 * `half_rule` (a ≥ D / 2, the simple rule it is compared with), highest probability first.
 */
export function deadlineRiskSql(options: RiskOptions = {}): string {
  const deadlines = options.deadlines ?? DEFAULT_CONFIG;
  const offset = options.utcOffsetHours ?? deadlines.utcOffsetHours;
  const local = (instant: string) => localDate(instant, offset);
  const cut = options.cut ? dateLiteral(options.cut) : `(SELECT max(${local("created_at")}) FROM tickets)`;
  const H = HORIZON_WORKDAYS;
  return `WITH cut AS (
  SELECT c.date AS cut_date, c.workday_seq AS cut_seq, (SELECT max(workday_seq) FROM calendar) AS last_seq
  FROM calendar c WHERE c.date = ${cut}
),
received AS (
  SELECT ticket_id, kind, category, street_id, community_id, compound_id, building_id, due_at,
    ${local("created_at")} AS created_date, ${local("closed_at")} AS closed_date,
    ${deadlineWorkdaysSql(deadlines)} AS deadline_workdays
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
  LEFT JOIN calendar due ON due.date = ${local("r.due_at - INTERVAL 1 MILLISECOND")}
  WHERE r.created_date <= cut.cut_date
),
-- Each ticket leaves the risk set once: closed at its working days to close, or censored.
exits AS (
  SELECT kind, category, allowed,
    least(CASE WHEN closed THEN working_days_to_close ELSE age END, ${H}) AS t,
    closed AND working_days_to_close <= ${H} AS event
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
  CROSS JOIN (SELECT unnest(range(0, ${H + 1})) AS t) g
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
  JOIN survival st ON st.t = least(o.age, ${H})
    AND (st.stratum = 'all' OR (st.allowed IS NOT DISTINCT FROM o.allowed
      AND (st.stratum = 'deadline' OR (st.category IS NOT DISTINCT FROM o.category
        AND (st.stratum = 'category' OR st.kind IS NOT DISTINCT FROM o.kind)))))
),
chosen AS (
  SELECT * FROM same
  QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY (at_risk >= ${MIN_AT_RISK}) DESC, fineness) = 1
),
estimates AS (
  SELECT o.*, c.stratum, c.at_risk,
    sd.s / nullif(c.s_age, 0) AS probability
  FROM open_now o
  JOIN chosen c USING (ticket_id)
  JOIN survival sd ON sd.stratum = c.stratum AND sd.kind IS NOT DISTINCT FROM c.kind
    AND sd.category IS NOT DISTINCT FROM c.category AND sd.allowed IS NOT DISTINCT FROM c.stratum_allowed
    AND sd.t = least(o.allowed, ${H})
)
SELECT * FROM (
SELECT e.ticket_id, e.kind, e.category, e.street_id, e.community_id, e.compound_id, e.building_id,
  e.age AS age_workdays, e.allowed AS allowed_workdays, coalesce(e.due_at, ${
    endOfLocalDay("d.date", offset)
  }) AS due_at,
  least(1, greatest(0, e.probability)) AS probability, e.stratum, e.at_risk, e.age >= e.allowed / 2.0 AS half_rule
FROM estimates e
LEFT JOIN calendar d ON e.due_at IS NULL AND d.is_workday AND d.workday_seq = e.created_seq + e.allowed
)
ORDER BY probability DESC, due_at, ticket_id`;
}
