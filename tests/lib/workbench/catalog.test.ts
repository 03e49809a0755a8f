/** The workbench's descriptions: the store's tables, the server's review figures, and tables brought in. */
import assert from "node:assert/strict";
import { tableDescription } from "../../../lib/workbench/catalog.ts";

Deno.test("the review figures a scope carries are described as what they are, not as a table brought in", () => {
  assert.equal(tableDescription("street_scorecards", "zh-CN"), "各街道考核得分（全区数据计算）");
  assert.equal(
    tableDescription("street_rounds", "en"),
    "Every street's callback round, computed over the whole district's data",
  );
  assert.equal(tableDescription("tickets", "zh-CN"), "群众诉求工单");
  assert.equal(tableDescription("my_upload", "zh-CN"), "您导入的数据表");
});
