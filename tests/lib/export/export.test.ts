import assert from "node:assert/strict";
import { tableFromArrays, tableFromIPC, tableToIPC } from "apache-arrow";
import { initParquetWasm, ipcToParquet, parquetToIpc } from "../../../lib/export/parquet.ts";
import ExcelJS from "exceljs";
import { toCsv } from "../../../lib/export/csv.ts";
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

const HOSTILE = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];

Deno.test("CSV cells that would run as formulas are neutralised; numbers stay numbers", () => {
  const rows = [...HOSTILE.map((text) => ({ text, n: -5 })), { text: "楼道灯坏了 = 报修", n: 1.5 }];
  const lines = toCsv(rows, ["text", "n"]).split("\n").slice(1);
  assert.deepEqual(
    lines.slice(0, 4),
    ['\'=HYPERLINK(""http://x"")', "'+1+1", "'-2+3", "'@SUM(A1)"].map((t, i) => (i === 0 ? `"${t}"` : t) + ",-5"),
  );
  assert.ok(toCsv(rows, ["text", "n"]).includes("'\t=1,-5"));
  assert.equal(lines.at(-1), "楼道灯坏了 = 报修,1.5");
  assert.equal(toCsv([{ "=cmd": 1 }]), "'=cmd\n1");
});

Deno.test("XLSX cells that would run as formulas are text with a leading quote; numbers stay numbers", async () => {
  const rows = HOSTILE.map((text, i) => ({ text, n: -i - 1 }));
  const back = await fromXlsx(await toXlsx(rows, ["text", "n"]));
  // XLSX keeps line breaks as \n.
  assert.deepEqual(back.rows, HOSTILE.map((text, i) => ({ text: `'${text.replace("\r", "\n")}`, n: -i - 1 })));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await toXlsx(rows, ["text", "n"])).buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  assert.equal(sheet.getCell("A2").type, ExcelJS.ValueType.String);
  assert.equal(sheet.getCell("B3").type, ExcelJS.ValueType.Number);
});
