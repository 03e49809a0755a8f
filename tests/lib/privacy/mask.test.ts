/** The masking rules' edge cases, run through DuckDB-WASM as the server runs them. */
import assert from "node:assert/strict";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import {
  maskAddressSql,
  maskedColumnsSql,
  maskFreeTextSql,
  maskNameSql,
  maskPhoneSql,
} from "../../../lib/privacy/mask.ts";

const db = await openDenoDuckDB();

const quote = (v: string | null) => v === null ? "NULL" : `'${v.replaceAll("'", "''")}'`;

/** Each input through `rule`, in one query. */
async function masked(rule: (column: string) => string, inputs: (string | null)[]): Promise<(string | null)[]> {
  const values = inputs.map((v, i) => `(${i}, ${quote(v)}::VARCHAR)`).join(", ");
  const rows = await db.query<{ m: string | null }>(
    `SELECT ${rule("v")} AS m FROM (VALUES ${values}) AS x(i, v) ORDER BY i`,
  );
  return rows.map((r) => r.m);
}

Deno.test("names keep their first character, one star for each other one", async () => {
  assert.deepEqual(
    await masked(maskNameSql, [
      "王小明",
      "欧阳娜娜",
      "李",
      " 张伟 ",
      "王先生",
      "John Smith",
      "王 小明",
      "",
      "  ",
      null,
    ]),
    ["王**", "欧***", "李*", "张*", "王**", "J*** *****", "王 **", null, null, null],
  );
});

Deno.test("phones: mobiles, landlines with area codes, local and service numbers, never unmasked", async () => {
  const inputs = [
    "13812345678",
    "138-1234-5678",
    "+86 138 1234 5678",
    "010-12345678",
    "021 8765 4321",
    "0571-8888-1234",
    "13812345678 / 13987654321",
    "0351-1234567",
    "1234567",
    "87654321",
    "12345",
    "95588",
    "无",
    "",
    null,
  ];
  assert.deepEqual(await masked(maskPhoneSql, inputs), [
    "138****5678",
    "138****5678",
    "138****5678",
    "010-****5678",
    "021-****4321",
    "0571-****1234",
    "138***************4321",
    "0351-***4567",
    "*****67",
    "******21",
    "*****",
    "*****",
    "****",
    null,
    null,
  ]);
  const out = await masked(maskPhoneSql, inputs);
  inputs.forEach((input, i) => input && assert.notEqual(out[i], input, `${input} came back unmasked`));
});

Deno.test("a masked value masked again stays as it was", async () => {
  const phones = ["13812345678", "010-12345678", "0571-8888-1234", "0351-1234567", "1234567", "12345", "无"];
  const once = await masked(maskPhoneSql, phones);
  assert.deepEqual(await masked(maskPhoneSql, once), once);
  const names = await masked(maskNameSql, ["王小明", "John Smith"]);
  assert.deepEqual(await masked(maskNameSql, names), names);
  const addresses = await masked(maskAddressSql, ["德沁苑3栋2单元501", "德沁苑2单元501"]);
  assert.deepEqual(await masked(maskAddressSql, addresses), addresses);
});

Deno.test("addresses are cut after the building: unit and room dropped", async () => {
  assert.deepEqual(
    await masked(maskAddressSql, [
      "德沁苑3栋2单元501",
      "德沁苑12号楼1单元302",
      "迎泽大街8号院",
      "锦绣花园第5幢302室",
      "德沁苑2单元501",
      "德沁苑３栋１单元",
      "501室",
      "德沁苑",
      null,
    ]),
    ["德沁苑3栋", "德沁苑12号楼", "迎泽大街8号", "锦绣花园第5幢", "德沁苑", "德沁苑３栋", null, "德沁苑", null],
  );
});

Deno.test("free text loses phone-like digit runs and the reporter's name, keeps short numbers", async () => {
  const rows = await db.query<{ m: string | null }>(
    `SELECT ${maskFreeTextSql("text", "name")} AS m FROM (VALUES
      (0, '我是王小明，电话13812345678，3栋501漏水', '王小明'),
      (1, '回电 010-1234 5678 或 0351-1234567', NULL),
      (2, '李反映楼道灯坏了', '李'),
      (3, NULL, '王小明')
    ) AS x(i, text, name) ORDER BY i`,
  );
  assert.deepEqual(rows.map((r) => r.m), [
    "我是王**，电话***，3栋501漏水",
    "回电 *** 或 ***",
    "李反映楼道灯坏了",
    null,
  ]);
});

Deno.test("the tickets' select list masks exactly the columns lib/schema.ts declares personal", () => {
  const list = maskedColumnsSql("tickets", "t");
  assert.ok(list.includes("t.ticket_id"));
  for (const column of ["reporter_name", "reporter_phone", "address", "description"]) {
    assert.ok(list.some((c) => c.endsWith(` AS ${column}`)), column);
    assert.ok(!list.includes(`t.${column}`), column);
  }
  // The free text rule removes the row's own reporter's name.
  assert.match(list.find((c) => c.endsWith(" AS description"))!, /replace\(t\.description, trim\(t\.reporter_name\)/);
});
