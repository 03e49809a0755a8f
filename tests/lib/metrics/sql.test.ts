/** The builders as strings: filters, groupings, the deadline rules and the view's text. */
import assert from "node:assert/strict";
import { aggregateSql, filterSql, groupKeys, placeCondition } from "../../../lib/metrics/filter.ts";
import { DEFAULT_CONFIG, type MetricsConfig, validateConfig } from "../../../lib/metrics/deadlines.ts";
import { ticketFactsSql } from "../../../lib/metrics/views.ts";
import { timestampLiteral } from "../../../lib/metrics/sql.ts";
import { coverageSql } from "../../../lib/metrics/coverage.ts";
import { volumeSql } from "../../../lib/metrics/volume.ts";

Deno.test("a filter becomes one condition, quotes doubled", () => {
  assert.equal(filterSql({}), "TRUE");
  assert.equal(filterSql({ categories: ["O'Brien's", "水电"] }), "category IN ('O''Brien''s', '水电')");
  assert.equal(
    filterSql({
      from: Date.UTC(2024, 1, 29, 16),
      to: Date.UTC(2024, 2, 31, 16),
      placeLevel: "compound",
      placeIds: ["X1"],
    }),
    "created_at >= TIMESTAMP '2024-02-29 16:00:00.000' AND created_at < TIMESTAMP '2024-03-31 16:00:00.000' AND compound_id IN ('X1')",
  );
  assert.equal(filterSql({ kinds: [], statuses: ["open"] }), "FALSE AND status IN ('open')");
  assert.equal(placeCondition({ placeLevel: "district", placeIds: ["D"] }), "TRUE");
  assert.equal(placeCondition({ placeLevel: "grid", placeIds: [] }), "FALSE");
  assert.throws(() => timestampLiteral(NaN));
});

Deno.test("groupings give place_id, period and category keys on local dates", () => {
  assert.deepEqual(groupKeys({ place: "community", time: "week", category: true }), {
    select: ["community_id AS place_id", "CAST(date_trunc('week', created_date) AS DATE) AS period", "category"],
    keys: ["place_id", "period", "category"],
  });
  assert.equal(
    aggregateSql({ sources: ["小程序"] }, { time: "day" }, ["count(*) AS n"], { where: ["NOT merged"] }),
    `SELECT
  created_date AS period,
  count(*) AS n
FROM ticket_facts
WHERE source IN ('小程序')
  AND NOT merged
GROUP BY period
ORDER BY period`,
  );
});

Deno.test("builders refuse what they cannot answer", () => {
  assert.throws(() => volumeSql({}, { place: "street" }, { compare: "year" }), /time grouping/);
  assert.throws(() => coverageSql({}, { time: "month" }), /no time/);
  assert.throws(() => coverageSql({}, { place: "building" }), /compound or a larger place/);
});

Deno.test("deadline rules become a CASE, most specific first", () => {
  const config: MetricsConfig = structuredClone(DEFAULT_CONFIG);
  config.resolution = {
    defaultWorkdays: 7,
    rules: [{ kind: "enquiry", workdays: 3 }, { category: "违'建", workdays: 15 }, {
      kind: "complaint",
      category: "电梯",
      workdays: 5,
    }],
  };
  const sql = ticketFactsSql(config);
  assert.ok(
    sql.includes(`CASE WHEN t.kind = 'complaint' AND t.category = '电梯' THEN 5
      WHEN t.category = '违''建' THEN 15
      WHEN t.kind = 'enquiry' THEN 3
      ELSE 7 END AS deadline_workdays`),
  );
  config.utcOffsetHours = 5.5;
  assert.ok(ticketFactsSql(config).includes("CAST(t.created_at + INTERVAL 330 MINUTE AS DATE) AS created_date"));
});

Deno.test("the configuration is checked", () => {
  const bad = (change: (c: MetricsConfig) => void) => {
    const c = structuredClone(DEFAULT_CONFIG);
    change(c);
    return () => validateConfig(c);
  };
  assert.throws(bad((c) => c.resolution.rules.push({ workdays: 3 })), /neither a kind nor a category/);
  assert.throws(bad((c) => c.resolution.rules.push({ kind: "help", workdays: 2.5 })), /whole days/);
  assert.throws(bad((c) => (c.utcOffsetHours = 20)), /utcOffsetHours/);
  assert.throws(bad((c) => (c.responseHours = -1)), /responseHours/);
});
