/**
 * Header recognition: which column of a file holds which canonical field, without a
 * mapping file for the headers real exports use. Every column's own name and Chinese
 * label from lib/schema.ts are recognised too, so a file written with them imports as is.
 * Headers are compared after `normalizeHeader` (case, spaces and punctuation ignored).
 */
import { table as schemaTable } from "../schema.ts";

/**
 * A field the importers read that is not a stored column: the source's own "last
 * updated" time, which decides which of two versions of a ticket is the newer.
 */
export const UPDATED_AT = "updated_at";

/**
 * Per table, per canonical field: the headers recognised, Chinese 12345 exports and message boards (留言板: 留言编号,
 * 留言时间, 留言详情, 答复意见), Open311, English 311.
 */
export const HEADERS: Record<string, Record<string, string[]>> = {
  tickets: {
    ticket_id: [
      "工单编号",
      "工单号",
      "受理编号",
      "service_request_id",
      "Unique Key",
      "SR Number",
      "Request ID",
      "Case ID",
      "留言编号",
    ],
    created_at: [
      "受理时间",
      "创建时间",
      "登记时间",
      "来电时间",
      "requested_datetime",
      "Created Date",
      "Opened",
      "留言时间",
    ],
    dispatched_at: ["派单时间", "派发时间"],
    accepted_at: ["签收时间", "接单时间"],
    closed_at: ["办结时间", "结案时间", "完成时间", "Closed Date", "Closed"],
    due_at: ["办理时限", "截止时间", "办结时限", "expected_datetime", "Due Date"],
    status: ["工单状态", "办理状态", "Status"],
    kind: ["工单类型", "诉求性质"],
    category: ["问题分类", "诉求分类", "业务分类", "诉求事项", "service_name", "Complaint Type", "Request Type"],
    source: ["来源", "来源渠道", "受理渠道", "渠道", "Open Data Channel Type", "Request Source", "Channel"],
    description: ["诉求内容", "工单内容", "问题描述", "内容", "Descriptor", "留言详情"],
    address: ["地址", "诉求地址", "事发地址", "Incident Address"],
    reporter_name: ["诉求人", "来电人", "联系人", "姓名"],
    reporter_phone: ["联系电话", "来电号码", "电话", "手机"],
    lon: ["经度", "long", "lng", "Longitude"],
    lat: ["纬度", "Latitude"],
    handler: ["承办单位", "承办人", "处理部门", "agency_responsible", "Agency"],
    merged_into: ["并单", "并入工单编号"],
    // 答复时间 is when the resident was answered, not when the result was made public: it maps to nothing by default
    // (a message board whose replies are public can map it to published_at with a mapping file).
    published_at: ["公示时间", "公开时间", "公示日期"],
    reply: ["答复意见", "办理结果", "回复内容", "处理结果", "答复内容", "status_notes", "Resolution Description"],
    [UPDATED_AT]: ["更新时间", "updated_datetime", "Updated Date", "Resolution Action Updated Date"],
  },
  callbacks: {
    ticket_id: ["工单编号", "工单号", "service_request_id"],
    called_at: ["回访时间"],
    result: ["满意度", "回访结果", "评价", "满意度评价"],
    channel: ["回访方式", "回访渠道"],
  },
  places: {
    place_id: ["id", "编号", "地点编号"],
    name: ["名称", "小区名称"],
    code: ["区划代码", "代码"],
    parent_id: ["上级编号"],
    aliases: ["别名"],
    households: ["总户数"],
  },
  buildings: {
    building_id: ["id", "编号"],
    compound_id: ["小区编号"],
    name: ["楼栋名称", "楼号", "名称"],
    floors: ["building:levels", "层数", "levels"],
    height: ["高度"],
  },
};

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-:：()（）.]/g, "");
}

/** Canonical field → the headers (normalised) that name it, for one table. */
function recognised(tableName: string): Map<string, string> {
  const byHeader = new Map<string, string>();
  const add = (field: string, header: string) => {
    const key = normalizeHeader(header);
    if (!byHeader.has(key)) byHeader.set(key, field);
  };
  for (const c of schemaTable(tableName).columns) add(c.name, c.name);
  for (const [field, headers] of Object.entries(HEADERS[tableName] ?? {})) headers.forEach((h) => add(field, h));
  for (const c of schemaTable(tableName).columns) add(c.name, c.zh.replace(/（.*$/, ""));
  return byHeader;
}

/**
 * Canonical field → column index. The mapping file's entries win; then each header
 * recognised takes its field, the first column winning when two name the same field,
 * except the columns the mapping says to ignore.
 */
export function resolveFields(
  tableName: string,
  headers: string[],
  mapping: Record<string, string> = {},
  ignored: string[] = [],
): Map<string, number> {
  const fields = new Map<string, number>();
  for (const [field, header] of Object.entries(mapping)) {
    const index = headers.indexOf(header);
    if (index < 0) {
      throw new Error(`the mapping names column "${header}" for ${field}, but the file has no such column`);
    }
    fields.set(field, index);
  }
  const mappedColumns = new Set([...fields.values(), ...ignored.map((h) => headers.indexOf(h))]);
  const byHeader = recognised(tableName);
  headers.forEach((header, index) => {
    const field = byHeader.get(normalizeHeader(header));
    if (field && !fields.has(field) && !mappedColumns.has(index)) fields.set(field, index);
  });
  return fields;
}
