/**
 * DuckDB-WASM in the browser, in a Web Worker, with the engine files served from
 * our own origin: no extension is ever fetched (only core SQL and Arrow are used).
 */
import * as duckdb from "@duckdb/duckdb-wasm";
import type { Table as ArrowTable } from "apache-arrow";
import { arrowToRows, type Connector } from "./connector.ts";

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
  const queryArrow = (sql: string) => conn.query(sql) as Promise<unknown> as Promise<ArrowTable>;
  return {
    queryArrow,
    query: async (sql) => arrowToRows(await queryArrow(sql)),
    async insertArrowStream(name, bytes) {
      await conn.query(`DROP TABLE IF EXISTS "${name}"`);
      await conn.insertArrowFromIPCStream(bytes, { name, create: true });
    },
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
