/**
 * Native DuckDB (`@duckdb/node-api`) in the server, for the builds done once per store
 * version (a scope's tables, its database file): unlike the WASM engine, it honours a
 * `memory_limit` (spilling to `tempDir` beyond it), so a build of a million tickets costs
 * the server a bounded amount of memory instead of the whole store several times over.
 * It runs the same SQL as the browser's engine (the metrics' views and builders); Arrow
 * streams go in through Parquet (parquet-wasm), as the native engine reads no Arrow IPC
 * without an extension, and no extension is ever downloaded.
 *
 * Native code is outside Deno's permission checks: the server runs it with `--allow-ffi`
 * (framework/permissions.ts), and the engine is told to touch no file outside `tempDir`
 * but the databases a build attaches.
 */
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, StatementType } from "@duckdb/node-api";
import {
  DataType,
  RecordBatchReader,
  RecordBatchStreamWriter,
  Table as ArrowTable,
  tableFromIPC,
  tableFromJSON,
  tableToIPC,
} from "apache-arrow";
import initParquet, { readParquet, Table as WasmTable, writeParquet } from "parquet-wasm/esm";
import { type Connector, plainValue, type QueryOptions, type Row, type TypedColumns } from "./connector.ts";
import { abortError } from "./query_queue.ts";
import { serverFunctions } from "./server_functions.ts";

export interface NativeOptions {
  /** The engine's memory bound, e.g. `"256MB"`; beyond it, tables and operators spill to `tempDir`. */
  memoryLimit: string;
  threads: number;
  /** A folder the build owns, removed after it: the engine's database and spill files, Parquet on its way. */
  tempDir: string;
}

export interface NativeConnector extends Connector {
  /** A query's result as one Arrow IPC stream (times as TIMESTAMP, text plain), through Parquet. */
  queryArrowStream(sql: string): Promise<{ bytes: Uint8Array; rows: number }>;
  /**
   * Shuts the engine off from the machine for SQL the server did not write: no file read or
   * written (the databases already attached stay readable), no extension, settings locked.
   */
  lockDown(): Promise<void>;
  /** One SELECT statement of such SQL, on a connection of its own, by column; anything else is refused. */
  answerSelect(sql: string, limits: SelectLimits): Promise<TypedColumns>;
}

export interface SelectLimits {
  /** A longer answer is refused rather than sent. */
  maxRows: number;
  /** The query is interrupted past this. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** SQL refused before it ran: not one SELECT, a call that tells of the server, or its answer beyond the limits. */
export class RefusedQuery extends Error {}

async function refuseServerFunctions(connection: DuckDBConnection, sql: string): Promise<void> {
  const reader = await connection.runAndReadAll("SELECT json_serialize_sql(CAST($1 AS VARCHAR)) AS ast", [sql]);
  const ast = JSON.parse(String(reader.getRowObjectsJS()[0].ast));
  if (ast.error) throw new RefusedQuery(`only SELECT is answered here (${ast.error_message})`);
  const named = serverFunctions(ast);
  if (named.length) {
    throw new RefusedQuery(`${named.map((name) => `${name}()`).join(", ")}: of the server, not of the scope's data`);
  }
}

const PARQUET_WASM = new URL("../../node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm", import.meta.url);
/** Rows per Parquet part or row group on the way in or out: what the WASM converter holds at once. */
const PART_ROWS = 65_536;

let parquetReady: Promise<unknown> | undefined;

export async function openNativeDuckDB(options: NativeOptions): Promise<NativeConnector> {
  parquetReady ??= Deno.readFile(PARQUET_WASM).then((module_or_path) => initParquet({ module_or_path }));
  await parquetReady;
  // On a file of the build's own rather than in memory, so the engine can evict table data too.
  const instance = await DuckDBInstance.create(`${options.tempDir}/build.duckdb`, {
    memory_limit: options.memoryLimit,
    threads: String(options.threads),
    temp_directory: options.tempDir,
    // Where `registerFile` puts files, so that `read_csv('name')` finds them as in the browser.
    file_search_path: options.tempDir,
    // Our SQL never needs an extension it does not have built in; nothing is fetched.
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const conn = await instance.connect();
  let files = 0;
  const tempFile = (ext: string) => `${options.tempDir}/part-${files++}.${ext}`;
  const query = async <T = Row>(sql: string, options?: QueryOptions): Promise<T[]> => {
    if (options?.signal?.aborted) throw abortError(options.signal);
    return plainRows<T>(await conn.runAndReadAll(sql));
  };
  return {
    query,
    // Small results only: rows typed by apache-arrow's inference (queryArrowStream keeps the engine's types).
    queryArrow: async (sql, options) => tableFromJSON(await query(sql, options)),
    async queryArrowStream(sql) {
      const path = tempFile("parquet");
      await conn.run(`COPY (${sql}) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE ${PART_ROWS})`);
      const [{ groups }] = await query<{ groups: number }>(
        `SELECT count(DISTINCT row_group_id) AS groups FROM parquet_metadata('${path}')`,
      );
      const parquet = await Deno.readFile(path);
      await Deno.remove(path);
      const read = (rowGroups?: number[]) => readParquet(parquet, { rowGroups, batchSize: PART_ROWS }).intoIPCStream();
      // A result without rows still has its schema, which only a whole read gives.
      if (groups <= 1) {
        const bytes = read();
        return { bytes, rows: [...RecordBatchReader.from(bytes)].reduce((n, b) => n + b.numRows, 0) };
      }
      const writer = new RecordBatchStreamWriter();
      let rows = 0;
      // A row group at a time: the WASM converter holds one, not the result.
      for (let g = 0; g < groups; g++) {
        for (const batch of RecordBatchReader.from(read([g]))) {
          rows += batch.numRows;
          writer.write(batch);
        }
      }
      writer.finish();
      return { bytes: writer.toUint8Array(true), rows };
    },
    async insertArrowStream(name, bytes) {
      await conn.run(`DROP TABLE IF EXISTS "${name}"`);
      const stream = tableFromIPC(bytes);
      const fields = stream.schema.fields;
      const parts: string[] = [];
      const written = new Set<string>();
      // A slice at a time: the WASM converter then holds a part, not the table.
      for (const batch of stream.batches) {
        for (let at = 0; at < batch.numRows; at += PART_ROWS) {
          const slice = new ArrowTable([batch.slice(at, at + PART_ROWS)]);
          // arrow-js writes a boolean column of nulls only without its data buffer, which the converter refuses.
          const kept = fields.map((f) => f.name).filter((n) =>
            !DataType.isBool(slice.getChild(n)!.type) || slice.getChild(n)!.nullCount < slice.numRows
          );
          kept.forEach((n) => written.add(n));
          parts.push(tempFile("parquet"));
          const ipc = tableToIPC(slice.select(kept), "stream");
          await Deno.writeFile(parts.at(-1)!, writeParquet(WasmTable.fromIPCStream(ipc)));
        }
      }
      // Columns no part holds (no rows, or no value) are nulls of their type.
      const columns = fields.map((f) =>
        written.has(f.name) ? `"${f.name}"` : `CAST(NULL AS ${sqlType(f.type)}) AS "${f.name}"`
      );
      const from = parts.length
        ? `read_parquet([${parts.map((p) => `'${p}'`)}], union_by_name = true)`
        : "(SELECT 1 WHERE false)";
      await conn.run(`CREATE TABLE "${name}" AS SELECT ${columns} FROM ${from}`);
      for (const p of parts) await Deno.remove(p);
    },
    async registerFile(name, bytes) {
      // The native engine reads files, not buffers: `name` becomes a file of the build's folder, on the search path.
      await Deno.writeFile(`${options.tempDir}/${name}`, bytes);
    },
    async lockDown() {
      await conn.run("SET enable_external_access = false");
      await conn.run("SET lock_configuration = true");
    },
    async answerSelect(sql, { maxRows, timeoutMs, signal }) {
      const own = await instance.connect();
      const stop = () => own.interrupt();
      let late = false;
      const timer = setTimeout(() => (late = true, stop()), timeoutMs);
      signal?.addEventListener("abort", stop);
      try {
        const statements = await own.extractStatements(sql);
        if (statements.count !== 1) throw new RefusedQuery("one SQL statement at a time");
        // Judged on the parse, before binding: a call is refused by its name whether or not this engine has it.
        await refuseServerFunctions(own, sql);
        const prepared = await statements.prepare(0);
        if (prepared.statementType !== StatementType.SELECT) throw new RefusedQuery("only SELECT is answered here");
        const reader = await prepared.runAndReadUntil(maxRows + 1);
        if (reader.currentRowCount > maxRows) throw new RefusedQuery(`more than ${maxRows} rows`);
        // By column: a tenth of the time of rows as objects, for 100,000 buildings, and half the JSON.
        const columns = Object.fromEntries(
          Object.entries(reader.getColumnsObjectJS()).map(([name, values]) => [name, values.map(plainValue)]),
        );
        const names = reader.columnNames(), types = reader.columnTypes();
        return { columns, types: Object.fromEntries(names.map((name, i) => [name, types[i].toString()])) };
      } catch (e) {
        throw late ? new RefusedQuery(`longer than ${timeoutMs / 1000} s`) : e;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", stop);
        own.closeSync();
      }
    },
    // Builds run to their end; nothing asks to stop them.
    cancel: () => Promise.resolve(false),
    close() {
      conn.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}

/** A result's rows as the connector gives them (lib/db/connector.ts: BIGINT as number, times as epoch ms). */
function plainRows<T = Row>(reader: DuckDBResultReader): T[] {
  return reader.getRowObjectsJS().map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)])) as T
  );
}

/** The SQL type of an Arrow column of the store (lib/store/arrow.ts writes these). */
function sqlType(type: DataType): string {
  if (DataType.isDictionary(type) || DataType.isUtf8(type)) return "VARCHAR";
  if (DataType.isBool(type)) return "BOOLEAN";
  if (DataType.isDate(type)) return "DATE";
  if (DataType.isTimestamp(type)) return "TIMESTAMP";
  if (DataType.isFloat(type)) return "DOUBLE";
  if (DataType.isInt(type)) return type.bitWidth === 64 ? "BIGINT" : "INTEGER";
  throw new Error(`no SQL type for the Arrow type ${type}`);
}
