/**
 * The server's answers on a scope's database (lib/store/scope_answers.ts) are the rows the
 * browser's engine gives on the same file, for every metric builder; SQL that is not one
 * SELECT, reaches for a file or asks for too many rows is refused, and nothing it runs
 * changes what the next answer sees.
 */
import assert from "node:assert/strict";
import { firstStreet } from "../../../lib/access/demo_accounts.ts";
import type { ScopeKey } from "../../../lib/access/scope.ts";
import { columnsToRows, type Connector } from "../../../lib/db/connector.ts";
import { openNativeDuckDB, RefusedQuery } from "../../../lib/db/duckdb_native.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { ANSWER_LIMITS, answerOnScope, closeScopeAnswers, sentAnswer } from "../../../lib/store/scope_answers.ts";
import { attachDatabase, attachScopeDatabase } from "../../../lib/store/scope_database.ts";
import { builtFacts, factsKey, scopeFacts } from "../../../lib/store/scope_facts.ts";
import { scopedManifest } from "../../../lib/store/scoped.ts";
import { writeStore } from "../../../lib/store/store.ts";
import { BUILDERS, canonical, FILTERS } from "../metrics/builders.ts";

const dir = await Deno.makeTempDir();
const stored = await writeStore(dir, generateDemo({ tickets: 2000 }), "scope answers test");
const street = (await firstStreet(dir))!.id;

const settled = async (answer: () => Promise<Record<string, unknown>[]>) => {
  try {
    return canonical(await answer());
  } catch (e) {
    return { error: (e as Error).message.replace(/\s+/g, " ").slice(0, 80) };
  }
};

async function onScope(scope: ScopeKey) {
  const manifest = await scopedManifest(dir, stored, scope);
  const path = `${dir}/${manifest.database.file}`;
  const tables = Object.keys(manifest.tables);
  return {
    path,
    tables,
    manifest,
    answer: async (sql: string) => columnsToRows(await answerOnScope(path, tables, sql)),
  };
}

for (const scope of ["full", "masked", `street-${street}`] as ScopeKey[]) {
  Deno.test(`the server answers every metric builder on the ${scope} scope as the browser's engine does`, async () => {
    const { path, tables, answer } = await onScope(scope);
    // From the facts the server keeps (lib/store/scope_facts.ts); the browser's engine reads the view.
    await scopeFacts(path, tables);
    const browser: Connector = await openDenoDuckDB();
    await attachScopeDatabase(browser, await Deno.readFile(path), tables);
    try {
      let compared = 0;
      for (const [builder, build] of Object.entries(BUILDERS)) {
        for (const [filter, f] of Object.entries(FILTERS)) {
          const sql = (build as (f: unknown) => string)(f);
          const [expected, actual] = [await settled(() => browser.query(sql)), await settled(() => answer(sql))];
          // What the server refuses (a builder's view, SQL the browser's engine cannot run either) the page's engine runs.
          if (!Array.isArray(expected) || (!Array.isArray(actual) && /^only SELECT/.test(actual.error))) continue;
          assert.deepEqual(actual, expected, `${builder} under ${filter}`);
          if (expected.length) compared++;
        }
      }
      assert.ok(compared > 30, `only ${compared} builders answered with rows`);
    } finally {
      await browser.close();
    }
  });
}

Deno.test("a street official's answers hold that street's tickets only", async () => {
  const { answer, manifest } = await onScope(`street-${street}`);
  const [{ streets, tickets }] = await answer(
    "SELECT count(DISTINCT street_id) AS streets, count(*) AS tickets FROM tickets",
  );
  assert.equal(streets, 1);
  assert.equal(tickets, manifest.tables.tickets.rows);
});

Deno.test("the server refuses what is not one SELECT of the scope's own tables", async () => {
  const { answer } = await onScope("masked");
  const refused = [
    ["CREATE TABLE t AS SELECT 1", /only SELECT/],
    ["DROP VIEW tickets", /only SELECT/],
    ["SET enable_external_access = true", /only SELECT/],
    ["SELECT 1; SELECT 2", /one SQL statement/],
    [`SELECT * FROM range(${ANSWER_LIMITS.maxRows + 1})`, /more than/],
    // What tells of the server, not of the scope's data: its files' paths, its settings, its environment.
    ["SELECT path FROM duckdb_databases()", /duckdb_databases\(\): of the server/],
    ["FROM system.main.DuckDB_Settings() WHERE name = 'temp_directory'", /duckdb_settings\(\)/],
    [`SELECT "current_setting"('temp_directory') AS t`, /current_setting\(\)/],
    ["WITH a AS (SELECT 1) SELECT * FROM a, LATERAL (SELECT getenv('HOME'))", /getenv\(\)/],
    ["SELECT * FROM pragma_database_list", /pragma_database_list\(\)/],
    ["FROM duckdb_settings", /duckdb_settings\(\)/],
  ] as const;
  for (const [sql, reason] of refused) {
    await assert.rejects(answer(sql), (e: Error) => e instanceof RefusedQuery && reason.test(e.message), sql);
  }
  for (const sql of ["SELECT * FROM read_csv('/etc/passwd')", `SELECT * FROM glob('${dir}/*')`]) {
    await assert.rejects(answer(sql), /file system operations are disabled/, sql);
  }
  const [{ n }] = await answer("SELECT count(*) AS n FROM tickets");
  assert.ok(Number(n) > 0, "the scope's tables are still there");
  // The scope's own catalog is its data's shape, which pages read (lib/metrics/views.ts).
  const columns = await answer("SELECT column_name FROM duckdb_columns() WHERE table_name = 'tickets'");
  assert.ok(columns.length > 5, "the catalog of the scope's tables is answered");
  assert.deepEqual(await answer("SELECT 1 AS duckdb_databases, 'getenv()' AS s"), [{
    duckdb_databases: 1,
    s: "getenv()",
  }]);
});

Deno.test("an answer is kept as sent, gzipped when long, for the next request of the same SQL", async () => {
  const { path, tables } = await onScope("masked");
  const sql = "SELECT building_id, name, lon, lat FROM buildings ORDER BY building_id";
  const first = await sentAnswer(path, tables, sql);
  assert.equal(await sentAnswer(path, tables, sql), first, "kept");
  const { columns } = JSON.parse(new TextDecoder().decode(first.json));
  assert.equal(first.rows, columns.building_id.length);
  assert.deepEqual(columnsToRows(columns), columnsToRows(await answerOnScope(path, tables, sql)));
  assert.ok(first.gzip, "long enough to be gzipped");
  const unzipped = new Response(
    new Blob([first.gzip! as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip")),
  );
  assert.deepEqual(new Uint8Array(await unzipped.arrayBuffer()), first.json);
  const short = await sentAnswer(path, tables, "SELECT count(*) AS n FROM buildings");
  assert.equal(short.gzip, null);
});

Deno.test("an engine opened before its scope's facts are built hands its kept answers to the one after", async () => {
  const other = await Deno.makeTempDir();
  try {
    const store = await writeStore(other, generateDemo({ tickets: 500, seed: 7 }), "facts after the engine");
    const scoped = await scopedManifest(other, store, "masked");
    const path = `${other}/${scoped.database.file}`;
    const tables = Object.keys(scoped.tables);
    assert.equal(await factsOf(path, tables), null);
    const sql = "SELECT category, count(*) AS n FROM ticket_facts GROUP BY ALL ORDER BY ALL";
    const first = await sentAnswer(path, tables, sql);
    const file = await scopeFacts(path, tables);
    assert.equal(await factsOf(path, tables), file, "an engine of the same release finds the file built");
    // The engine on the view retires once the build is done; its successor keeps what it sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await sentAnswer(path, tables, sql), first, "kept across the engines");
    const count = "SELECT count(*) AS n FROM ticket_facts WHERE overdue_open";
    assert.deepEqual(columnsToRows(await answerOnScope(path, tables, count)), [{
      n: await viewCount(path, tables, count),
    }]);
  } finally {
    await closeScopeAnswers();
    await Deno.remove(other, { recursive: true });
  }
});

/** The facts file an engine opened now on the scope would read (lib/store/scope_answers.ts), or null. */
async function factsOf(path: string, tables: string[]): Promise<string | null> {
  const temp = await Deno.makeTempDir();
  const db = await openNativeDuckDB({ memoryLimit: "256MB", threads: 1, tempDir: temp });
  try {
    await attachDatabase(db, path, tables);
    return await builtFacts(path, await factsKey(db));
  } finally {
    await db.close();
    await Deno.remove(temp, { recursive: true });
  }
}

/** `sql`'s single figure from the view itself, on an engine of the test's own. */
async function viewCount(path: string, tables: string[], sql: string): Promise<number> {
  const db = await openDenoDuckDB();
  try {
    await attachScopeDatabase(db, await Deno.readFile(path), tables);
    return Number((await db.query<{ n: number }>(sql))[0].n);
  } finally {
    await db.close();
  }
}

Deno.test("closing the store", async () => {
  await closeScopeAnswers();
  await Deno.remove(dir, { recursive: true });
});
