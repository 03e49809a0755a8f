/**
 * A hand-made district around the 2024 Spring Festival, small enough that every metric's
 * answer is worked out by hand in the tests. Times are written in local time (UTC+8).
 */
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import type { Connector } from "../../../lib/db/connector.ts";
import { createViews } from "../../../lib/metrics/views.ts";
import type { MetricsConfig } from "../../../lib/metrics/deadlines.ts";
import { columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";
import { type Columns, table, TABLES } from "../../../lib/schema.ts";

/** A local time (UTC+8) as epoch ms. */
export const at = (local: string) => Date.parse(`${local.replace(" ", "T")}:00+08:00`);

/** Rows given as objects, turned into columns; absent fields are null. */
function rows(name: string, list: Record<string, unknown>[]): Columns {
  return Object.fromEntries(table(name).columns.map((c) => [c.name, list.map((r) => r[c.name] ?? null)]));
}

const where = (building: string) => {
  const [street, community, compound] = {
    X1B1: ["S1", "C1", "X1"],
    X2B1: ["S1", "C1", "X2"],
    X2B2: ["S1", "C1", "X2"],
    X3B1: ["S2", "C2", "X3"],
  }[building]!;
  return { street_id: street, community_id: community, compound_id: compound, building_id: building };
};

export const FIXTURE: Record<string, Columns> = {
  places: rows("places", [
    { place_id: "D", level: "district", name: "区" },
    { place_id: "S1", level: "street", name: "东街道", parent_id: "D" },
    { place_id: "S2", level: "street", name: "西街道", parent_id: "D" },
    { place_id: "C1", level: "community", name: "甲社区", parent_id: "S1", street_id: "S1" },
    { place_id: "C2", level: "community", name: "乙社区", parent_id: "S2", street_id: "S2" },
    ...[["X1", "C1", "S1", 100], ["X2", "C1", "S1", 300], ["X3", "C2", "S2", 600]].map(([id, c, s, h]) => ({
      place_id: id,
      level: "compound",
      name: `小区${id}`,
      parent_id: c,
      community_id: c,
      street_id: s,
      households: h,
    })),
  ]),
  buildings: rows("buildings", [
    { building_id: "X1B1", compound_id: "X1", name: "1栋", households: 100 },
    { building_id: "X2B1", compound_id: "X2", name: "1栋", households: 150 },
    { building_id: "X2B2", compound_id: "X2", name: "2栋", households: 150 },
    { building_id: "X3B1", compound_id: "X3", name: "1栋", households: 600 },
  ]),
  branch_compounds: rows("branch_compounds", [{ branch_id: "B1", compound_id: "X1" }, {
    branch_id: "B3",
    compound_id: "X3",
  }]),
  group_buildings: rows("group_buildings", [{ group_id: "G1", building_id: "X1B1" }, {
    group_id: "G2",
    building_id: "X2B1",
  }]),
  member_households: rows("member_households", [
    { member_household_id: "M1", building_id: "X1B1", households_linked: 5 },
    // More than the building's 150 households: coverage counts 150.
    { member_household_id: "M2", building_id: "X2B1", households_linked: 120 },
    { member_household_id: "M3", building_id: "X2B1", households_linked: 80 },
    { member_household_id: "M4", building_id: "X3B1", households_linked: 60 },
  ]),
  compound_members: rows("compound_members", [
    { compound_id: "X1", kind: "resident", members: 5 },
    { compound_id: "X2", kind: "resident", members: 10 },
    { compound_id: "X3", kind: "resident", members: 20 },
    { compound_id: "X3", kind: "working_registered", members: 10 },
  ]),
  tickets: rows("tickets", [
    {
      // Received the Thursday before the holiday; the Sunday 18 Feb is a make-up working day.
      ticket_id: "t1",
      created_at: at("2024-02-08 10:00"),
      dispatched_at: at("2024-02-08 10:30"),
      accepted_at: at("2024-02-08 11:00"),
      closed_at: at("2024-02-19 09:00"),
      status: "closed",
      kind: "complaint",
      category: "物业管理",
      source: "12345热线",
      resolved_level: "building",
      ...where("X1B1"),
    },
    {
      // 除夕 2024 (9 Feb) was a working day; a complex category: 15 working days.
      ticket_id: "t2",
      created_at: at("2024-02-09 20:00"),
      dispatched_at: at("2024-02-18 09:00"),
      accepted_at: at("2024-02-18 10:00"),
      closed_at: at("2024-03-20 12:00"),
      status: "closed",
      kind: "complaint",
      category: "违章搭建",
      source: "12345热线",
      resolved_level: "community",
      reopened: true,
      ...where("X2B1"),
    },
    {
      // 07:00 local on 1 March is still 29 February in UTC.
      ticket_id: "t3",
      created_at: at("2024-03-01 07:00"),
      dispatched_at: at("2024-03-01 07:10"),
      accepted_at: at("2024-03-01 07:20"),
      closed_at: at("2024-03-04 17:00"),
      due_at: at("2024-03-04 18:00"),
      status: "closed",
      kind: "enquiry",
      category: "停车",
      source: "小程序",
      resolved_level: "compound",
      ...where("X2B2"),
    },
    {
      // Received on the make-up Sunday before the May Day holiday.
      ticket_id: "t4",
      created_at: at("2024-04-28 10:00"),
      dispatched_at: at("2024-04-28 10:30"),
      status: "open",
      kind: "complaint",
      category: "物业管理",
      source: "12345热线",
      ...where("X3B1"),
    },
    {
      ticket_id: "t5",
      created_at: at("2024-04-01 09:00"),
      status: "open",
      kind: "complaint",
      category: "电梯",
      source: "小程序",
      ...where("X1B1"),
    },
    {
      ticket_id: "t6",
      created_at: at("2024-02-08 11:00"),
      closed_at: at("2024-02-08 11:40"),
      status: "closed",
      kind: "complaint",
      category: "物业管理",
      source: "12345热线",
      merged_into: "t1",
      ...where("X1B1"),
    },
    {
      ticket_id: "t7",
      created_at: at("2024-03-15 10:00"),
      dispatched_at: at("2024-03-15 10:20"),
      accepted_at: at("2024-03-15 10:40"),
      closed_at: at("2024-03-18 10:00"),
      status: "closed",
      kind: "complaint",
      category: "物业管理",
      source: "12345热线",
      resolved_level: "building",
      ...where("X1B1"),
    },
    {
      // The newest ticket, so "now"; its category holds a quote.
      ticket_id: "t8",
      created_at: at("2024-05-10 12:00"),
      dispatched_at: at("2024-05-10 12:30"),
      status: "open",
      kind: "help",
      category: "水'电",
      source: "窗口",
      ...where("X3B1"),
    },
  ]),
  callbacks: rows("callbacks", [
    { ticket_id: "t1", called_at: at("2024-03-05 10:00"), result: "satisfied" },
    { ticket_id: "t2", called_at: at("2024-04-22 10:00"), result: "unsatisfied" },
    { ticket_id: "t7", called_at: at("2024-04-10 10:00"), result: "basic" },
  ]),
};

/** A DuckDB holding the fixture, or tables made from it (the calendar comes from createViews), with its views. */
export async function fixtureDb(config?: MetricsConfig, tables: Record<string, Columns> = FIXTURE): Promise<Connector> {
  const db = await openDenoDuckDB();
  for (const t of TABLES) {
    if (t.name === "calendar") continue;
    await db.insertArrowStream(t.name, tableToStream(columnsToArrow(t, tables[t.name] ?? {})));
  }
  await createViews(db, config);
  return db;
}
