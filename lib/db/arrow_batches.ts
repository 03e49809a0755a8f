/**
 * An Arrow IPC stream as one small stream per record batch. DuckDB-WASM copies a
 * whole stream into its 4 GB memory before reading it; fed batch by batch, a 10M-row
 * table needs room for itself and one batch, not for itself and all of its source.
 */
import { RecordBatchReader, Table, tableToIPC } from "apache-arrow";

export function* batchStreams(bytes: Uint8Array): Generator<Uint8Array> {
  const reader = RecordBatchReader.from(bytes);
  let any = false;
  for (const batch of reader) {
    any = true;
    yield tableToIPC(new Table([batch]), "stream");
  }
  // A table without rows still needs its columns created.
  if (!any) yield bytes;
}

/** Creates the table from the first batch and appends the rest. */
export async function insertBatches(
  bytes: Uint8Array,
  insert: (batch: Uint8Array, create: boolean) => unknown,
): Promise<void> {
  let create = true;
  for (const batch of batchStreams(bytes)) {
    await insert(batch, create);
    create = false;
  }
}
