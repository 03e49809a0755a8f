/**
 * Arrow IPC ↔ Parquet with parquet-wasm: DuckDB-WASM's own Parquet support is an
 * extension fetched from the internet, which this product never does.
 */
import initParquet, { readParquet, Table as WasmTable, writeParquet } from "parquet-wasm/esm";

let ready: Promise<unknown> | undefined;

/** `wasm` is the module's URL in the browser (served from our origin) or its bytes in Deno. */
export function initParquetWasm(wasm: string | URL | Uint8Array): Promise<unknown> {
  ready ??= initParquet({ module_or_path: wasm as string });
  return ready;
}

export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
  await ready;
  return writeParquet(WasmTable.fromIPCStream(ipc));
}

export async function parquetToIpc(parquet: Uint8Array): Promise<Uint8Array> {
  await ready;
  return readParquet(parquet).intoIPCStream();
}
