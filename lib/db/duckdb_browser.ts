/**
 * DuckDB-WASM in the browser, in a Web Worker, with the engine files served from
 * our own origin: no extension is ever fetched (only core SQL and Arrow are used).
 */
import * as duckdb from "@duckdb/duckdb-wasm";
import { type RecordBatch, Table as ArrowTable } from "apache-arrow";
import { insertBatches } from "./arrow_batches.ts";
import { arrowToRows, type Connector, type QueryOptions } from "./connector.ts";
import { QueryQueue } from "./query_queue.ts";

export interface EngineUrls {
  mvp: { wasm: string; worker: string };
  eh: { wasm: string; worker: string };
}

export async function openBrowserDuckDB(urls: EngineUrls): Promise<Connector> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: urls.mvp.wasm, mainWorker: urls.mvp.worker },
    eh: { mainModule: urls.eh.wasm, mainWorker: urls.eh.worker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  // Nothing may be fetched from outside our origin: forbid autoloading extensions.
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false");
  // A connection runs one sent query at a time; a second would cut the first short.
  const queue = new QueryQueue(() => conn.cancelSent());
  // Sent rather than queried: a sent query runs in steps the worker can be told to stop between.
  const queryArrow = (sql: string, options?: QueryOptions) =>
    queue.add(async () => {
      const reader = await conn.send(sql, true);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      return batches.length ? new ArrowTable(batches) : new ArrowTable(reader.schema);
    }, options);
  return {
    queryArrow,
    query: async (sql, options) => arrowToRows(await queryArrow(sql, options)),
    // Batch by batch in the load lane, so the page's queries on tables already loaded go between batches.
    insertArrowStream: async (name, bytes) => {
      await queue.add(() => conn.query(`DROP TABLE IF EXISTS "${name}"`), { priority: "load" });
      await insertBatches(
        bytes,
        (batch, create) =>
          queue.add(() => conn.insertArrowFromIPCStream(batch, { name, create }), { priority: "load" }),
      );
    },
    registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
    cancel: () => conn.cancelSent(),
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
