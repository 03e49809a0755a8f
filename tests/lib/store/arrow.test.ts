import assert from "node:assert/strict";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { BATCH_ROWS, columnsToArrow, tableToStream } from "../../../lib/store/arrow.ts";
import { batchStreams } from "../../../lib/db/arrow_batches.ts";
import { table } from "../../../lib/schema.ts";
import { streamToColumns } from "../../../lib/store/read_columns.ts";

Deno.test("every column type survives the trip through Arrow into DuckDB, nulls included", async () => {
  const db = await openDenoDuckDB();
  const closed = Date.UTC(2024, 3, 19, 8, 30, 15, 250);
  await db.insertArrowStream(
    "tickets",
    tableToStream(columnsToArrow(table("tickets"), {
      ticket_id: ["A", "B", "C"],
      created_at: [closed - 86_400_000.4, closed, null],
      closed_at: [closed, null, null],
      status: ["closed", "open", "open"], // repeats: dictionary-encoded
      category: ["电梯", null, "电梯"],
      lon: [118.5, null, -0.25],
      reopened: [true, false, null],
    })),
  );
  const rows = await db.query(
    "SELECT ticket_id, created_at, closed_at, status, category, lon, reopened, handler FROM tickets ORDER BY ticket_id",
  );
  assert.deepEqual(rows, [
    {
      ticket_id: "A",
      created_at: closed - 86_400_000,
      closed_at: closed,
      status: "closed",
      category: "电梯",
      lon: 118.5,
      reopened: true,
      handler: null,
    },
    {
      ticket_id: "B",
      created_at: closed,
      closed_at: null,
      status: "open",
      category: null,
      lon: null,
      reopened: false,
      handler: null,
    },
    {
      ticket_id: "C",
      created_at: null,
      closed_at: null,
      status: "open",
      category: "电梯",
      lon: -0.25,
      reopened: null,
      handler: null,
    },
  ]);
  const types = await db.query<{ column_name: string; column_type: string }>("DESCRIBE tickets");
  const typeOf = (c: string) => types.find((t) => t.column_name === c)?.column_type;
  assert.equal(typeOf("status"), "VARCHAR");
  assert.match(typeOf("created_at")!, /^TIMESTAMP/);
  assert.equal(typeOf("reopened"), "BOOLEAN");
  await db.close();
});

Deno.test("an empty table and a DATE column load too", async () => {
  const db = await openDenoDuckDB();
  await db.insertArrowStream("buildings", tableToStream(columnsToArrow(table("buildings"), {})));
  await db.insertArrowStream(
    "branches",
    tableToStream(columnsToArrow(table("branches"), {
      branch_id: ["B1"],
      name: ["和园小区党支部"],
      kind: ["branch"],
      founded_on: [Date.UTC(2021, 6, 1)],
    })),
  );
  assert.deepEqual(await db.query("SELECT count(*) AS n FROM buildings"), [{ n: 0 }]);
  assert.deepEqual(await db.query("SELECT strftime(founded_on, '%Y-%m-%d') AS d FROM branches"), [{ d: "2021-07-01" }]);
  await db.close();
});

Deno.test("a table larger than a batch is written in batches and loads whole", async () => {
  const n = BATCH_ROWS * 2 + 5;
  const stream = tableToStream(columnsToArrow(table("callbacks"), {
    ticket_id: Array.from({ length: n }, (_, i) => `T${i}`),
    called_at: Array.from({ length: n }, (_, i) => i * 1000),
    result: Array.from({ length: n }, (_, i) => ["satisfied", "basic", "unsatisfied"][i % 3]),
  }));
  assert.equal([...batchStreams(stream)].length, 3);
  const db = await openDenoDuckDB();
  await db.insertArrowStream("callbacks", stream);
  assert.deepEqual(
    await db.query("SELECT count(*) AS n, count(DISTINCT ticket_id) AS ids, max(called_at) AS last FROM callbacks"),
    [
      { n, ids: n, last: (n - 1) * 1000 },
    ],
  );
  await db.close();
});

Deno.test("LIST and STRUCT results come back as plain arrays and objects", async () => {
  const db = await openDenoDuckDB();
  assert.deepEqual(
    await db.query("SELECT [1, 2, 3] AS l, {'a': 1, 'b': 'x'} AS s, quantile_cont(x, [0.5]) AS q FROM range(3) t(x)"),
    [
      { l: [1, 2, 3], s: { a: 1, b: "x" }, q: [1] },
    ],
  );
  await db.close();
});

Deno.test("text is written as TextEncoder writes it, and times before 1970 and far after keep their value", () => {
  const texts = ["T-1", "é", "德沁苑3栋", "𠀋 emoji 😀", "lone \ud800 surrogate", "", null];
  const times = [Date.UTC(1969, 11, 31, 23, 59, 59, 999), -1, 0, 2 ** 32 + 5, Date.UTC(2262, 0, 1), null, 1];
  const back = streamToColumns(
    "tickets",
    tableToStream(
      columnsToArrow(table("tickets"), { ticket_id: texts.map((_, i) => `${i}`), address: texts, created_at: times }),
    ),
  );
  assert.deepEqual(
    back.address,
    texts.map((t) => t === null ? null : new TextDecoder().decode(new TextEncoder().encode(t))),
  );
  assert.deepEqual(back.created_at, times);
});
