/**
 * DuckDB-WASM in Deno: the same engine and SQL dialect as the browser, so an
 * analyst's query answers the same in `deno task sql`, in tests and on the page.
 */
import * as duckdb from "@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs";
import type { Table as ArrowTable } from "apache-arrow";
import { insertBatches } from "./arrow_batches.ts";
import { arrowToRows, type Connector, type QueryOptions } from "./connector.ts";
import { abortError } from "./query_queue.ts";

const dist = new URL("../../node_modules/@duckdb/duckdb-wasm/dist/", import.meta.url).pathname;

export async function openDenoDuckDB(): Promise<Connector> {
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: dist + "duckdb-mvp.wasm", mainWorker: dist + "duckdb-node-mvp.worker.cjs" },
      eh: { mainModule: dist + "duckdb-eh.wasm", mainWorker: dist + "duckdb-node-eh.worker.cjs" },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  // Blocking: a query runs to its end once started, so lanes mean nothing here; a signal aborted before it starts does.
  const queryArrow = (sql: string, options?: QueryOptions) =>
    options?.signal?.aborted
      ? Promise.reject(abortError(options.signal))
      : Promise.resolve(conn.query(sql) as unknown as ArrowTable);
  return {
    queryArrow,
    query: async (sql, options) => arrowToRows(await queryArrow(sql, options)),
    insertArrowStream(name, bytes) {
      conn.query(`DROP TABLE IF EXISTS "${name}"`);
      return insertBatches(bytes, (batch, create) => conn.insertArrowFromIPCStream(batch, { name, create }));
    },
    registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes);
      return Promise.resolve();
    },
    // The blocking engine answers only after a query has finished: nothing to cancel.
    cancel: () => Promise.resolve(false),
    close() {
      conn.close();
      db.reset();
      return Promise.resolve();
    },
  };
}
