/**
 * Publication within the configured days (7日内公示) and reply coverage, on the metrics
 * fixture with publication times and replies given to its closed tickets; every expected
 * number is worked out by hand in the comments. Closed handled tickets (t6 is a merged
 * duplicate, left out): t1, t2, t3, t7, all in street S1, community C1; as of 10 May 2024.
 */
import assert from "node:assert/strict";
import { at, FIXTURE, fixtureDb } from "./fixture.ts";
import { metrics } from "../../../lib/metrics/runner.ts";
import { DEFAULT_CONFIG } from "../../../lib/metrics/deadlines.ts";
import { createViews } from "../../../lib/metrics/views.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { columnsToArrow, streamToTable, tableToStream } from "../../../lib/store/arrow.ts";
import { streamToColumns } from "../../../lib/store/read_columns.ts";
import { type Columns, PERSONAL_COLUMNS, table, TABLES } from "../../../lib/schema.ts";

const GIVEN: Record<string, { published_at?: number; reply?: string }> = {
  // Closed Mon 19 Feb 09:00, due by the end of 26 Feb; published after 4 days 6 hours.
  t1: { published_at: at("2024-02-23 15:00"), reply: "已督促物业每日清扫楼道，居民确认已改善。" },
  // Closed Wed 20 Mar 12:00, due by the end of 27 Mar; published 29 Mar 09:00 after 8 days 21 hours: late.
  // A blank reply is no reply.
  t2: { published_at: at("2024-03-29 09:00"), reply: "  " },
  // Closed Mon 4 Mar 17:00, due by the end of 11 Mar: never published, so overdue on 10 May.
  t3: { reply: "已在小区东侧划定临时停车位。" },
  // Closed Mon 18 Mar 10:00, due by the end of 25 Mar; published 25 Mar 23:30, after 7 days 13.5 hours: in time.
  t7: { published_at: at("2024-03-25 23:30") },
  // A merged duplicate: published, but not counted.
  t6: { published_at: at("2024-02-09 10:00"), reply: "已并入t1办理。" },
};

function withPublication(tickets: Columns): Columns {
  const ids = tickets.ticket_id as string[];
  return {
    ...tickets,
    published_at: ids.map((id) => GIVEN[id]?.published_at ?? null),
    reply: ids.map((id) => GIVEN[id]?.reply ?? null),
  };
}

const TABLES_GIVEN: Record<string, Columns> = { ...FIXTURE, tickets: withPublication(FIXTURE.tickets) };
const db = await fixtureDb(undefined, TABLES_GIVEN);
const m = metrics(db);
const close = (actual: unknown, expected: number) =>
  assert.ok(Math.abs((actual as number) - expected) < 1e-9, `${actual} ≠ ${expected}`);
const END_OF = (date: string) => at(`${date} 00:00`) + 86_400_000;

Deno.test("ticket_facts: publication deadline, days to publication, overdue, reply", async () => {
  const facts = await db.query(`SELECT * FROM ticket_facts ORDER BY ticket_id`);
  const by = Object.fromEntries(facts.map((f) => [f.ticket_id, f]));
  assert.equal(by.t1.publication_due_at, END_OF("2024-02-26"));
  close(by.t1.publication_days, 4.25);
  assert.equal(by.t1.published_within_rule, true);
  assert.equal(by.t1.has_reply, true);
  close(by.t2.publication_days, 8.875);
  assert.equal(by.t2.published_within_rule, false);
  assert.equal(by.t2.has_reply, false);
  assert.equal(by.t3.published_within_rule, false);
  assert.equal(by.t3.publication_overdue, true);
  assert.equal(by.t3.publication_days, null);
  // 23:30 on the last day is before the local midnight that ends it.
  assert.equal(by.t7.published_within_rule, true);
  close(by.t7.publication_days, 7.5625);
  // Open and merged tickets have no publication to judge.
  for (const id of ["t4", "t5", "t6", "t8"]) {
    assert.equal(by[id].published_within_rule, null, id);
    assert.equal(by[id].publication_overdue, false, id);
  }
});

Deno.test("publication rate, median days, unpublished and overdue, reply coverage: the district", async () => {
  const [d] = await m.publication({});
  assert.equal(d.closed, 4);
  assert.equal(d.published, 3);
  // In time: t1 and t7; decided: all four (t3's deadline has passed).
  assert.equal(d.published_in_time, 2);
  assert.equal(d.publication_due, 4);
  close(d.publication_rate, 0.5);
  // Median of 4.25, 7.5625 and 8.875 days.
  close(d.median_publication_days, 7.5625);
  assert.equal(d.unpublished, 1);
  assert.equal(d.publication_overdue, 1);
  // Replies: t1 and t3 (t2's is blank, t7 has none).
  assert.equal(d.replied, 2);
  close(d.reply_coverage, 0.5);
});

Deno.test("publication per place and per period of receipt", async () => {
  const compounds = await m.publication({}, { place: "compound" });
  // X1: t1 and t7, both in time, t1 replied. X2: t2 late, t3 overdue, t3 replied. X3 has no closed ticket.
  assert.deepEqual(
    compounds.map((r) => [r.place_id, r.closed, r.published_in_time, r.publication_overdue, r.replied]),
    [["X1", 2, 2, 0, 1], ["X2", 2, 0, 1, 1]],
  );
  close(compounds[0].publication_rate, 1);
  close(compounds[1].publication_rate, 0);
  const months = await m.publication({}, { time: "month" });
  // Received in February: t1 (in time) and t2 (late); in March: t3 (overdue) and t7 (in time).
  assert.deepEqual(
    months.map((r) => [r.period, r.published, r.published_in_time, r.publication_overdue]),
    [[Date.UTC(2024, 1, 1), 2, 1, 0], [Date.UTC(2024, 2, 1), 1, 1, 1]],
  );
  const [s2] = await m.publication({ placeLevel: "street", placeIds: ["S2"] });
  assert.equal(s2.closed, 0);
  assert.equal(s2.publication_rate, null);
});

Deno.test("publication counted in working days when configured", async () => {
  const working = await fixtureDb({ ...DEFAULT_CONFIG, publicationDayKind: "working" }, TABLES_GIVEN);
  const facts = await working.query(`SELECT ticket_id, publication_due_at FROM ticket_facts ORDER BY ticket_id`);
  const due = Object.fromEntries(facts.map((f) => [f.ticket_id, f.publication_due_at]));
  // 7 working days after Mon 19 Feb: 20–23, 26, 27, 28 Feb; after Wed 20 Mar: 21, 22, 25–29 Mar.
  assert.equal(due.t1, END_OF("2024-02-28"));
  assert.equal(due.t2, END_OF("2024-03-29"));
  assert.equal(due.t3, END_OF("2024-03-13"));
  // t2, published 29 Mar, is now in time: three of four.
  const [d] = await metrics(working).publication({});
  close(d.publication_rate, 0.75);
  await working.close();
});

/** The fixture's tables as a store would serve them with some ticket columns left out. */
async function dbWithout(columns: string[]) {
  const db = await openDenoDuckDB();
  for (const t of TABLES) {
    if (t.name === "calendar") continue;
    let arrow = columnsToArrow(t, TABLES_GIVEN[t.name] ?? {});
    if (t.name === "tickets") arrow = arrow.select(t.columns.map((c) => c.name).filter((c) => !columns.includes(c)));
    await db.insertArrowStream(t.name, tableToStream(arrow));
  }
  await createViews(db);
  return db;
}

Deno.test("a store written before publication and reply existed still opens, with them null", async () => {
  const bytes = tableToStream(
    columnsToArrow(table("tickets"), FIXTURE.tickets).select(["ticket_id", "created_at", "status"]),
  );
  const read = streamToColumns("tickets", bytes);
  assert.deepEqual(read.published_at, new Array(8).fill(null));
  assert.deepEqual(read.reply, new Array(8).fill(null));
  assert.equal(streamToTable(bytes).getChild("reply"), null);

  const old = await dbWithout(["published_at", "reply"]);
  const [d] = await metrics(old).publication({});
  // Nothing published: every closed ticket's deadline has passed, so all four are overdue; no reply recorded.
  assert.deepEqual([d.closed, d.published, d.publication_overdue, d.replied], [4, 0, 4, 0]);
  close(d.publication_rate, 0);
  close(d.reply_coverage, 0);
  await old.close();
});

Deno.test("a scope without residents' fields judges publication but cannot say whether a reply was given", async () => {
  const scoped = await dbWithout(PERSONAL_COLUMNS.tickets);
  const [d] = await metrics(scoped).publication({});
  close(d.publication_rate, 0.5);
  assert.equal(d.replied, 0);
  assert.equal(d.reply_coverage, null);
  const [{ n }] = await scoped.query(
    `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = 'reply'`,
  );
  assert.equal(n, 0);
  await scoped.close();
});
