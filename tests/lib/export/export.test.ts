import assert from "node:assert/strict";
import { tableFromArrays, tableFromIPC, tableToIPC } from "apache-arrow";
import { initParquetWasm, ipcToParquet, parquetToIpc } from "../../../lib/export/parquet.ts";
import { fromXlsx, toXlsx } from "../../../lib/export/xlsx.ts";

const wasm = await Deno.readFile(
  new URL("../../../node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm", import.meta.url),
);

Deno.test("Parquet written from Arrow reads back to the same Arrow", async () => {
  await initParquetWasm(wasm);
  const table = tableFromArrays({
    street: ["文昌街道", "滨河街道", "望湖街道"],
    tickets: Int32Array.from([81022, 68596, 43529]),
    rate: Float64Array.from([0.95, 0.9, 0.875]),
  });
  const parquet = await ipcToParquet(tableToIPC(table, "stream"));
  assert.equal(new TextDecoder().decode(parquet.slice(0, 4)), "PAR1");
  const back = tableFromIPC(await parquetToIpc(parquet));
  assert.deepEqual(back.toArray().map((r) => r.toJSON()), table.toArray().map((r) => r.toJSON()));
});

Deno.test("XLSX written from rows reads back to the same rows", async () => {
  const rows = [
    { ticket_id: "GD1", category: "电梯", tickets: 12, rate: 0.5 },
    { ticket_id: "GD2", category: null, tickets: 0, rate: 1 },
  ];
  const bytes = await toXlsx(rows, ["ticket_id", "category", "tickets", "rate"]);
  const back = await fromXlsx(bytes);
  assert.deepEqual(back.columns, ["ticket_id", "category", "tickets", "rate"]);
  assert.deepEqual(back.rows, rows);
});
