/**
 * A page's connection to a scope too large for its browser (the served manifest's
 * `database.inBrowser` false, lib/config.ts `browserDatabaseMaxBytes`): every query is
 * the server's answer (lib/db/server_answers.ts) on the scope's own database, and nothing
 * of the scope is downloaded. Mosaic's split between a page and a data server, behind the
 * same interface, so the same SQL builders run. It holds no tables of its own: what a page
 * would build (a workbench upload) it cannot, and says so (`readOnly`).
 */
import {
  Bool,
  type DataType,
  DateMillisecond,
  Float64,
  Int64,
  makeData,
  makeVector,
  Table as ArrowTable,
  TimestampMillisecond,
  Utf8,
  type Vector,
} from "apache-arrow";
import { columnsToRows, type Connector, type TypedColumns } from "./connector.ts";
import type { ServerAnswers } from "./server_answers.ts";

/** Why a page's own table cannot be made. */
export const HELD_ON_SERVER = "this store is too large for the browser: its queries run on the server, " +
  "which answers SELECT only";

// Integers as DuckDB-WASM's own answers type them (Int64), so the workbench shows them as integers;
// the rest of the numbers (HUGEINT, DECIMAL, floats) as doubles.
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/;
const NUMERIC = /^(HUGEINT|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

/**
 * One column of an answer as an Arrow vector of its SQL type's kind, times as milliseconds.
 * Made from buffers, not arrow's builders: those compile their null test with `new Function`,
 * which the pages' content security policy forbids.
 */
function columnVector(values: unknown[], sqlType: string): Vector {
  const length = values.length;
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  values.forEach((v, i) => v === null || v === undefined ? nullCount++ : nullBitmap[i >> 3] |= 1 << (i & 7));
  const data = <T extends DataType>(type: T, buffers: object) =>
    makeVector(makeData({ type, length, nullCount, nullBitmap, ...buffers } as never));
  if (INTEGER.test(sqlType)) {
    return data(new Int64(), { data: BigInt64Array.from(values, (v) => BigInt(Math.trunc(Number(v ?? 0)))) });
  }
  if (NUMERIC.test(sqlType)) return data(new Float64(), { data: Float64Array.from(values, (v) => Number(v ?? 0)) });
  if (sqlType === "BOOLEAN") {
    const bits = new Uint8Array((length + 7) >> 3);
    values.forEach((v, i) => v === true && (bits[i >> 3] |= 1 << (i & 7)));
    return data(new Bool(), { data: bits });
  }
  if (sqlType === "DATE" || sqlType.startsWith("TIMESTAMP")) {
    const ms = BigInt64Array.from(values, (v) => BigInt(Math.round(Number(v ?? 0))));
    return data(sqlType === "DATE" ? new DateMillisecond() : new TimestampMillisecond(), { data: ms });
  }
  const encoder = new TextEncoder();
  const texts = values.map((v) =>
    v === null || v === undefined
      ? new Uint8Array()
      : encoder.encode(typeof v === "object" ? JSON.stringify(v) : String(v))
  );
  const valueOffsets = new Int32Array(length + 1);
  texts.forEach((t, i) => valueOffsets[i + 1] = valueOffsets[i] + t.length);
  const bytes = new Uint8Array(valueOffsets[length]);
  texts.forEach((t, i) => bytes.set(t, valueOffsets[i]));
  return data(new Utf8(), { valueOffsets, data: bytes });
}

/** An answer by column as an Arrow table of the columns' types, as the page's own engine would give it. */
export function answerToArrow({ columns, types }: TypedColumns): ArrowTable {
  return new ArrowTable(
    Object.fromEntries(
      Object.entries(columns).map(([name, values]) => [name, columnVector(values, types[name] ?? "")]),
    ),
  );
}

export function serverHeld(server: Required<ServerAnswers>): Connector {
  const refuse = () => Promise.reject(new Error(HELD_ON_SERVER));
  return {
    readOnly: true,
    query: async (sql, options) => columnsToRows((await server.answer(sql, options)).columns),
    queryArrow: async (sql, options) => answerToArrow(await server.answer(sql, options)),
    insertArrowStream: refuse,
    registerFile: refuse,
    cancel: () => server.cancel(),
    close: () => Promise.resolve(),
  };
}
