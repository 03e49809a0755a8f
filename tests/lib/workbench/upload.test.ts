import assert from "node:assert/strict";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { toXlsx } from "../../../lib/export/xlsx.ts";
import { tableNameFor } from "../../../lib/workbench/catalog.ts";
import { bringInFile } from "../../../lib/workbench/upload.ts";

Deno.test("table names for uploads are safe identifiers and never clash", () => {
  assert.equal(tableNameFor("Repeat Buildings 2024.csv", []), "upload_repeat_buildings_2024");
  assert.equal(tableNameFor("楼栋.xlsx", []), "upload_file");
  assert.equal(tableNameFor("a.csv", ["upload_a"]), "upload_a_2");
});

Deno.test("an uploaded CSV and XLSX become tables that join with ours", async () => {
  const db = await openDenoDuckDB();
  await db.query(
    "CREATE TABLE tickets AS SELECT * FROM (VALUES ('T1', 'B1'), ('T2', 'B1'), ('T3', 'B2')) v(ticket_id, building_id)",
  );
  const csv = new TextEncoder().encode("building_id,inspector\nB1,李工\nB2,王工\n");
  const fromCsv = await bringInFile(db, { name: "inspectors.csv", bytes: csv }, []);
  assert.deepEqual(fromCsv, { table: "upload_inspectors", rows: 2 });
  const joined = await db.query(
    "SELECT i.inspector, count(*) AS n FROM tickets t JOIN upload_inspectors i USING (building_id) GROUP BY 1 ORDER BY 1",
  );
  assert.deepEqual(joined, [{ inspector: "李工", n: 2 }, { inspector: "王工", n: 1 }]);

  const xlsx = await toXlsx([{ building_id: "B2", floors: 18 }, { building_id: "B3", floors: null }], [
    "building_id",
    "floors",
  ]);
  const fromXlsx = await bringInFile(db, { name: "floors.xlsx", bytes: xlsx }, [fromCsv.table]);
  assert.deepEqual(fromXlsx, { table: "upload_floors", rows: 2 });
  assert.deepEqual(await db.query("SELECT building_id, floors FROM upload_floors ORDER BY 1"), [
    { building_id: "B2", floors: 18 },
    { building_id: "B3", floors: null },
  ]);
  await assert.rejects(() => bringInFile(db, { name: "x.pdf", bytes: new Uint8Array() }, []), /only \.csv and \.xlsx/);
  await db.close();
});
