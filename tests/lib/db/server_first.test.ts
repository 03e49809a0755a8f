/**
 * The page's connection while its engine starts (lib/db/server_first.ts): the server
 * answers until the page's engine holds the store; what the server refuses waits for the
 * engine, started then; a superseded query starts nothing.
 */
import assert from "node:assert/strict";
import { arrowToRows, type Connector } from "../../../lib/db/connector.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import type { ServerAnswers } from "../../../lib/db/server_answers.ts";
import { serverFirst } from "../../../lib/db/server_first.ts";

/** A server that answers from its own engine what `refuses` does not match, counting what it was asked. */
async function server(refuses: RegExp) {
  const db = await openDenoDuckDB();
  const asked: string[] = [];
  const answers: ServerAnswers = {
    query: <T>(sql: string, options?: { signal?: AbortSignal }) => {
      asked.push(sql);
      if (options?.signal?.aborted) return Promise.reject(new DOMException("superseded", "AbortError"));
      return refuses.test(sql) ? Promise.reject(new Error("only SELECT is answered here")) : db.query<T>(sql);
    },
  };
  return { answers, asked, db };
}

Deno.test("the server answers until the page's engine is up, then the engine does", async () => {
  const remote = await server(/'refused'/);
  await remote.db.query("CREATE TABLE t AS SELECT 'server' AS side");
  let starts = 0;
  const engine: Connector = await openDenoDuckDB();
  await engine.query("CREATE TABLE t AS SELECT 'page' AS side");
  const db = serverFirst(remote.answers, () => (starts++, Promise.resolve(engine)));
  try {
    assert.deepEqual(await db.query("SELECT side FROM t"), [{ side: "server" }]);
    assert.equal(starts, 0, "the engine has not been started for it");

    const superseded = AbortSignal.abort();
    await assert.rejects(db.query("SELECT side FROM t", { signal: superseded }), { name: "AbortError" });
    assert.equal(starts, 0, "nor for a query nobody waits for");

    // What the server refuses is the engine's: it starts and answers.
    assert.deepEqual(await db.query("SELECT 'refused' AS side"), [{ side: "refused" }]);
    assert.equal(starts, 1);
    assert.deepEqual(await db.query("CREATE TABLE cube AS SELECT 1 AS n"), [{ Count: 1 }]);
    assert.deepEqual(await db.query("SELECT side FROM t"), [{ side: "page" }]);
    assert.deepEqual(await db.query("SELECT n FROM cube"), [{ n: 1 }]);
    await db.local();
    assert.equal(starts, 1, "started once");
    assert.equal(remote.asked.filter((sql) => sql === "SELECT side FROM t").length, 2, "none asked after");
  } finally {
    await db.close();
    await remote.db.close();
  }
});

Deno.test("a server that cannot be reached leaves the page its own engine", async () => {
  const engine = await openDenoDuckDB();
  const gone: ServerAnswers = { query: () => Promise.reject(new TypeError("Failed to fetch")) };
  const db = serverFirst(gone, () => Promise.resolve(engine));
  try {
    assert.deepEqual(await db.query("SELECT 42 AS n"), [{ n: 42 }]);
  } finally {
    await db.close();
  }
});

Deno.test("a statement that writes goes to the page's engine without asking the server", async () => {
  const remote = await server(/^$/);
  const db = serverFirst(remote.answers, openDenoDuckDB);
  try {
    assert.deepEqual(await db.query("CREATE TABLE cube AS SELECT 1 AS n"), [{ Count: 1 }]);
    assert.deepEqual(remote.asked, []);
  } finally {
    await db.close();
    await remote.db.close();
  }
});

Deno.test("an Arrow result is the server's typed answer until the engine is up", async () => {
  const remote = await server(/'refused'/);
  let starts = 0;
  const engine = await openDenoDuckDB();
  const answers: ServerAnswers = {
    ...remote.answers,
    answer: async (sql) => {
      const rows = await remote.answers.query<Record<string, unknown>>(sql);
      const names = Object.keys(rows[0]);
      return {
        columns: Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n])])),
        types: { side: "VARCHAR", at: "TIMESTAMP" },
      };
    },
  };
  const db = serverFirst(answers, () => (starts++, Promise.resolve(engine)));
  try {
    const table = await db.queryArrow("SELECT 'server' AS side, TIMESTAMP '2024-05-06 07:08:09' AS at");
    assert.equal(starts, 0);
    assert.equal(String(table.getChild("at")!.type), "Timestamp<MILLISECOND>");
    assert.deepEqual(arrowToRows(table), [{ side: "server", at: Date.UTC(2024, 4, 6, 7, 8, 9) }]);
    // Refused by the server: the engine's answer, the same rows.
    assert.deepEqual(arrowToRows(await db.queryArrow("SELECT 'refused' AS side")), [{ side: "refused" }]);
    assert.equal(starts, 1);
  } finally {
    await db.close();
    await remote.db.close();
  }
});
