/**
 * The metrics fixture (tests/lib/metrics/fixture.ts) with tickets added around the end
 * of March 2024, where local and UTC months differ, for the callback round of April 2024.
 */
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import type { Connector } from "../../../lib/db/connector.ts";
import { createViews } from "../../../lib/metrics/views.ts";
import { columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";
import { type Columns, TABLES } from "../../../lib/schema.ts";
import { at, FIXTURE } from "../metrics/fixture.ts";

const place = { street_id: "S2", community_id: "C2", compound_id: "X3", building_id: "X3B1" };
const closedTicket = (id: string, closed: string, extra: Record<string, unknown> = {}) => ({
  ticket_id: id,
  created_at: at("2024-03-25 09:00"),
  dispatched_at: at("2024-03-25 09:30"),
  closed_at: at(closed),
  status: "closed",
  kind: "complaint",
  category: "噪音",
  resolved_level: "compound",
  handler: "X3物业",
  reporter_name: "欧阳娜娜",
  reporter_phone: "138-1234-5678",
  description: "楼上装修噪音，电话13812345678",
  ...place,
  ...extra,
});

/** Added tickets: which belong to the April round and why. */
export const ADDED = [
  // 23:30 local on 31 March is 15:30 UTC: closed in March, not called back: due.
  // Published 9 April, two days after its deadline (the end of 7 April).
  closedTicket("r1", "2024-03-31 23:30", {
    published_at: at("2024-04-09 10:00"),
    reply: "已协调装修方调整施工时间，如有问题请联系13812345678。",
  }),
  // 00:30 local on 1 April is still 31 March in UTC: closed in April, next round.
  closedTicket("r2", "2024-04-01 00:30"),
  // A merged duplicate closed in March: closed by merging, nobody to call.
  closedTicket("r3", "2024-03-26 10:00", { merged_into: "r1" }),
  // Still open: not yet decided.
  { ...closedTicket("r4", "2024-03-26 10:00"), closed_at: null, status: "open" },
  // Called back on time, satisfied: done. Published 1 April, within 7 days.
  closedTicket("r5", "2024-03-27 10:00", { published_at: at("2024-04-01 10:00"), reply: "已上门调解，双方达成一致。" }),
];

const ADDED_CALLBACKS = [{ ticket_id: "r5", called_at: at("2024-04-02 10:00"), result: "satisfied" }];

function append(columns: Columns, rows: Record<string, unknown>[]): Columns {
  return Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [
      name,
      [...values, ...rows.map((r) => r[name] ?? null)],
    ]),
  );
}

export async function roundFixtureDb(): Promise<Connector> {
  const db = await openDenoDuckDB();
  const data: Record<string, Columns> = {
    ...FIXTURE,
    tickets: append(FIXTURE.tickets, ADDED),
    callbacks: append(FIXTURE.callbacks, ADDED_CALLBACKS),
  };
  for (const t of TABLES) {
    if (t.name === "calendar") continue;
    await db.insertArrowStream(t.name, tableToStream(columnsToArrow(t, data[t.name] ?? {})));
  }
  await createViews(db);
  return db;
}
