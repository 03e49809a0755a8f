/**
 * Columnar tables ↔ Arrow IPC streams, typed by the schema so DuckDB sees the
 * declared SQL types (timestamps as TIMESTAMP, not doubles) whatever the source was.
 */
import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Int64,
  Table as ArrowTable,
  tableFromIPC,
  tableToIPC,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import type { Columns, ColumnType, Table } from "../schema.ts";

function arrowType(type: ColumnType): DataType {
  switch (type) {
    case "VARCHAR":
      return new Utf8();
    case "INTEGER":
      return new Int32();
    case "BIGINT":
      return new Int64();
    case "DOUBLE":
      return new Float64();
    case "BOOLEAN":
      return new Bool();
    case "DATE":
      return new DateDay();
    case "TIMESTAMP":
      return new TimestampMillisecond();
  }
}

export function rowCount(columns: Columns): number {
  return Object.values(columns)[0]?.length ?? 0;
}

export function columnsToArrow(table: Table, columns: Columns): ArrowTable {
  const n = rowCount(columns);
  const vectors = Object.fromEntries(table.columns.map((c) => {
    const values = columns[c.name] ?? new Array(n).fill(null);
    if (values.length !== n) {
      throw new Error(`${table.name}.${c.name} has ${values.length} values, expected ${n}`);
    }
    const prepared = c.type === "BIGINT" ? values.map((v) => v == null ? v : BigInt(v as number)) : values;
    return [c.name, vectorFromArray(prepared, arrowType(c.type))];
  }));
  return new ArrowTable(vectors);
}

export function tableToStream(table: ArrowTable): Uint8Array {
  return tableToIPC(table, "stream");
}

export function streamToTable(bytes: Uint8Array): ArrowTable {
  return tableFromIPC(bytes);
}
