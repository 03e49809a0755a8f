/** The other formats offices send: XLSX exports with Chinese headers, message boards, Open311 JSON, callbacks. */
import assert from "node:assert/strict";
import { toXlsx } from "../../../lib/export/xlsx.ts";
import { FIXTURES, row, run } from "./helpers.ts";

Deno.test("an XLSX export with Chinese headers, text and serial dates, is read without a mapping", async () => {
  const bytes = await toXlsx([
    {
      工单编号: "X1",
      受理时间: "2024年4月19日 08:30",
      诉求类型: "投诉",
      问题分类: "电梯",
      工单状态: "已办结",
      办结时间: 45401.5,
    },
    { 工单编号: "X2", 受理时间: 45402.25, 诉求类型: "求助", 问题分类: "供水排水", 工单状态: "协商中", 办结时间: null },
  ], ["工单编号", "受理时间", "诉求类型", "问题分类", "工单状态", "办结时间"]);
  const { summary, columns } = await run("tickets", "export.xlsx", bytes);
  assert.equal(summary.stored, 2);
  const x1 = row(columns!, "ticket_id", "X1");
  assert.equal(x1.created_at, Date.UTC(2024, 3, 19, 0, 30)); // 08:30 in Beijing
  assert.equal(x1.closed_at, Date.UTC(2024, 3, 19, 4)); // Excel 45401.5 = 2024-04-19 12:00 local
  assert.deepEqual([x1.status, x1.status_source, x1.category], ["closed", "已办结", "电梯"]);
  const x2 = row(columns!, "ticket_id", "X2");
  assert.equal(x2.created_at, Date.UTC(2024, 3, 19, 22)); // 45402.25 = 2024-04-20 06:00 local
  assert.deepEqual([x2.status, x2.status_source, x2.closed_at], ["open", "协商中", null]);
});

Deno.test("Open311 GeoReport v2 JSON is read by its own field names", async () => {
  const json = JSON.stringify([
    {
      service_request_id: "638344",
      status: "closed",
      service_name: "Pothole",
      description: "Large pothole",
      requested_datetime: "2024-04-19T08:30:00-04:00",
      updated_datetime: "2024-04-20T10:00:00-04:00",
      address: "8TH AVE and W 42ND ST",
      lat: 40.757,
      long: -73.99,
    },
    { service_request_id: "638345", status: "open", requested_datetime: "2024-04-19T09:00:00Z" },
  ]);
  const { summary, columns, rejects } = await run("tickets", "requests.json", json);
  assert.equal(summary.stored, 2, JSON.stringify(rejects));
  const first = row(columns!, "ticket_id", "638344");
  assert.equal(first.created_at, Date.UTC(2024, 3, 19, 12, 30));
  assert.deepEqual([first.status, first.lon, first.lat], ["closed", -73.99, 40.757]);
});

Deno.test("a message board export with Chinese headers: the reply and the publication time are read", async () => {
  const { summary, columns, rejects } = await run(
    "tickets",
    "message_board.csv",
    await Deno.readFile(new URL("message_board.csv", FIXTURES)),
  );
  assert.equal(summary.stored, 3, JSON.stringify(rejects));
  const lift = row(columns!, "ticket_id", "LY2024001");
  assert.equal(lift.created_at, Date.UTC(2024, 3, 1, 1, 12));
  assert.equal(lift.reply, "已联系维保单位更换主板，4月3日恢复运行，并安排每周巡检。");
  // 公示时间 is the publication; 答复时间 (17:30 on 3 April) is the reply to the resident and is not taken for it.
  assert.equal(lift.published_at, Date.UTC(2024, 3, 8, 2));
  assert.match(lift.description as string, /^德沁苑3栋电梯/);
  // Replied, not yet published.
  const wiring = row(columns!, "ticket_id", "LY2024002");
  assert.equal(wiring.published_at, null);
  assert.match(wiring.reply as string, /^网格员已上门劝导/);
  const open = row(columns!, "ticket_id", "LY2024003");
  assert.deepEqual([open.status, open.reply, open.published_at], ["open", null, null]);
});

Deno.test("Open311 status_notes are the reply", async () => {
  const json = JSON.stringify([{
    service_request_id: "1",
    status: "closed",
    status_notes: "Pothole filled",
    requested_datetime: "2024-04-19T08:30:00Z",
  }]);
  const { columns } = await run("tickets", "requests.json", json);
  assert.equal(row(columns!, "ticket_id", "1").reply, "Pothole filled");
});

Deno.test("callbacks: Chinese results normalised, an unknown result kept as written and counted", async () => {
  const csv = "工单编号,回访时间,满意度,回访方式\nA1,2024-05-20 10:00,满意,电话\nA2,2024-05-20 10:05,基本满意,上门\n" +
    "A3,2024-05-20 10:10,还行吧,电话\nA4,2024-05-20 10:15,不满意,电话\n";
  const { summary, columns, rejects } = await run("callbacks", "callbacks.csv", csv);
  assert.equal(summary.stored, 4);
  assert.deepEqual(rejects, []);
  assert.deepEqual(columns!.result, ["satisfied", "basic", null, "unsatisfied"]);
  assert.deepEqual(columns!.result_source, ["满意", "基本满意", "还行吧", "不满意"]);
  assert.deepEqual(summary.unrecognised, ["result words not recognised: 还行吧 (1)"]);
});
