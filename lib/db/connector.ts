/**
 * The one interface views, metrics and the CLI use to reach DuckDB, whichever
 * engine is behind it (a Web Worker in the browser, the blocking build in Deno).
 */
import type { Table as ArrowTable } from "apache-arrow";
import type { QueueOptions } from "./query_queue.ts";

export type Row = Record<string, unknown>;

/** When a query runs relative to the page's others, and when it is no longer wanted. */
export type QueryOptions = QueueOptions;

export interface Connector {
  /**
   * True when the connection cannot make tables of its own (the server's answers alone,
   * lib/db/server_held.ts): a page offers nothing that would (the workbench's upload).
   */
  readOnly?: boolean;
  /** Runs SQL and returns rows as plain objects (BIGINT as number, TIMESTAMP as epoch ms). */
  query<T = Row>(sql: string, options?: QueryOptions): Promise<T[]>;
  queryArrow(sql: string, options?: QueryOptions): Promise<ArrowTable>;
  /** Creates or replaces a table from an Arrow IPC stream. */
  insertArrowStream(name: string, bytes: Uint8Array): Promise<void>;
  /** Makes bytes readable by SQL under `name` (e.g. `read_csv('name')`), without leaving this process. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Asks the running query to stop; resolves true when one was cancelled. */
  cancel(): Promise<boolean>;
  close(): Promise<void>;
}

/** The same connection, with every query run under `options` (e.g. a panel's lane and signal). */
export function withOptions(db: Connector, options: QueryOptions): Connector {
  return {
    ...db,
    query: (sql, more) => db.query(sql, { ...options, ...more }),
    queryArrow: (sql, more) => db.queryArrow(sql, { ...options, ...more }),
  };
}

/** A result by column (values as in rows), in the columns' order: how the server sends answers (half the JSON). */
export type Columns = Record<string, unknown[]>;

/** A result by column with each column's SQL type (e.g. `TIMESTAMP`, whose values are epoch ms). */
export interface TypedColumns {
  columns: Columns;
  types: Record<string, string>;
}

export function columnsToRows<T = Row>(columns: Columns): T[] {
  const names = Object.keys(columns);
  const rows: T[] = new Array(names.length ? columns[names[0]].length : 0);
  for (let r = 0; r < rows.length; r++) {
    const row: Row = {};
    for (const name of names) row[name] = columns[name][r];
    rows[r] = row as T;
  }
  return rows;
}

export function arrowToRows<T = Row>(table: ArrowTable): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i)!);
  const rows: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = plainValue(columns[c].get(r));
    rows[r] = row as T;
  }
  return rows;
}

/** A value as rows give it: BIGINT and DECIMAL as number, TIMESTAMP and DATE as epoch ms, lists and structs plain. */
export function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  // DECIMAL results (e.g. SUM of integers) arrive as Uint32Array-backed numbers.
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Number(value.toString());
  if (Array.isArray(value)) return value.map(plainValue);
  // LIST values arrive as Arrow vectors and STRUCT values as row proxies: plain arrays and objects instead.
  // (Row proxies answer `in` for their fields only, so the methods are looked up directly.)
  if (value && typeof value === "object") {
    const { toJSON } = value as { toJSON?: () => unknown[] | Record<string, unknown> };
    if (typeof toJSON === "function") {
      const json = toJSON.call(value);
      return Array.isArray(json)
        ? json.map(plainValue)
        : Object.fromEntries(Object.entries(json).map(([k, v]) => [k, plainValue(v)]));
    }
  }
  return value;
}
