/** The web import's preview and the mapping it saves: what the page shows is what the import reads. */
import assert from "node:assert/strict";
import { mappingFor } from "../../../lib/import/column_choice.ts";
import { previewImport } from "../../../lib/import/preview.ts";
import { encode, run } from "./helpers.ts";

const CSV =
  "工单编号,受理时间,备注,地址,诉求内容\nA1,2024-04-19 08:30,电话回访,德沁苑3栋,漏水\nA2,2024-04-19 09:00,,某地,噪音\n";

Deno.test("the preview shows each column's field as the import would read it", async () => {
  const preview = await previewImport("tickets", "t.csv", encode(CSV));
  assert.deepEqual(preview.matched, ["ticket_id", "created_at", null, "address", "description"]);
  assert.deepEqual(preview.rows[0], ["A1", "2024-04-19 08:30", "电话回访", "德沁苑3栋", "漏水"]);
  assert.equal(preview.total, 2);
  assert.ok(preview.fields.includes("updated_at") && preview.fields.includes("reporter_phone"));
});

Deno.test("a saved mapping: other entries kept, columns this file lacks dropped and named", async () => {
  const saved = { description: "备注", address: "事发地", timezone: "Asia/Shanghai", ignore: ["诉求内容"] };
  const preview = await previewImport("tickets", "t.csv", encode(CSV), saved);
  assert.deepEqual(preview.matched, ["ticket_id", "created_at", "description", "address", null]);
  assert.deepEqual(preview.dropped, ["address ← 事发地"]);
  assert.deepEqual(preview.options, { timezone: "Asia/Shanghai" });
});

Deno.test("the mapping chosen on the page is the one the import reads, columns left out included", async () => {
  const preview = await previewImport("tickets", "t.csv", encode(CSV));
  // 备注 read as the description, 诉求内容 and 地址 (both recognised) read as nothing: 地址 needs `ignore`,
  // 诉求内容 does not, its field being 备注's.
  const chosen = ["ticket_id", "created_at", "description", null, null];
  const mapping = mappingFor("tickets", preview.headers, chosen, { timezone: "Asia/Shanghai" });
  assert.deepEqual(mapping, {
    timezone: "Asia/Shanghai",
    ticket_id: "工单编号",
    created_at: "受理时间",
    description: "备注",
    ignore: ["地址"],
  });
  assert.deepEqual((await previewImport("tickets", "t.csv", encode(CSV), mapping)).matched, chosen);
  const { columns } = await run("tickets", "t.csv", CSV, {}, { mapping });
  assert.deepEqual(columns!.description, ["电话回访", null]);
  assert.deepEqual(columns!.address, [null, null]);
});
