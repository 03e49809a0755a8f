/**
 * The canonical model: every table the store holds, as the browser, `deno task sql`
 * and the tests see it. This file is the single place where table and column names
 * are defined; the store writer, the importers, the SQL workbench's schema browser
 * and `docs/schema.md` all read from it.
 *
 * Times are instants stored as UTC `TIMESTAMP` (DuckDB-WASM links no ICU, so
 * `TIMESTAMPTZ` arithmetic is unavailable offline); local time is derived with the
 * deployment's UTC offset. Geometry is WGS84 GeoJSON text, because core DuckDB reads
 * it without the spatial extension and the map parses it directly.
 */

export type ColumnType =
  | "VARCHAR"
  | "INTEGER"
  | "BIGINT"
  | "DOUBLE"
  | "BOOLEAN"
  | "DATE"
  | "TIMESTAMP";

/**
 * What kind of residents' field a column holds; lib/privacy picks the masking rule by it
 * (a name keeps its first character, a phone its ends, an address its building, free
 * text loses phone-like digit runs and the reporter's name).
 */
export type PersonalKind = "name" | "phone" | "address" | "text";

export interface Column {
  name: string;
  type: ColumnType;
  /** Required columns may not be null; an importer rejects a row without them. */
  required?: boolean;
  zh: string;
  en: string;
  /** Set on columns that identify or describe a resident. */
  personal?: PersonalKind;
}

export interface Table {
  name: string;
  zh: string;
  en: string;
  /** Columns that identify a row; a re-import replaces the row with the same key. */
  key: string[];
  columns: Column[];
}

const col = (
  name: string,
  type: ColumnType,
  zh: string,
  en: string,
  required = false,
): Column => ({ name, type, zh, en, required });

/** A column holding a residents' field of the given kind. */
const personal = (kind: PersonalKind, name: string, zh: string, en: string): Column => ({
  ...col(name, "VARCHAR", zh, en),
  personal: kind,
});

export const PLACE_LEVELS = [
  "district",
  "street",
  "community",
  "grid",
  "compound",
] as const;
export type PlaceLevel = typeof PLACE_LEVELS[number];

/** 举报 (report of wrongdoing) and 表扬 (praise) are kinds of their own in real hotline exports. */
export const TICKET_KINDS = ["enquiry", "complaint", "suggestion", "help", "report", "praise"] as const;
export const TICKET_STATUSES = ["open", "closed"] as const;
export const CALLBACK_RESULTS = ["satisfied", "basic", "unsatisfied"] as const;
/** The escalation ladder, lowest first ("小事不出楼道、大事不出小区"). */
export const RESOLVED_LEVELS = [
  "building",
  "compound",
  "community",
  "street",
  "district",
] as const;

export const TABLES: Table[] = [
  {
    name: "places",
    zh: "地点：区、街道、社区、网格、小区",
    en: "Places: district, streets, communities, grids, compounds",
    key: ["place_id"],
    columns: [
      col("place_id", "VARCHAR", "地点编号", "place id", true),
      col("level", "VARCHAR", "层级", "level: district/street/community/grid/compound", true),
      col("name", "VARCHAR", "名称", "name", true),
      col("parent_id", "VARCHAR", "上级地点", "parent place id"),
      col("street_id", "VARCHAR", "所属街道", "street it lies in"),
      col("community_id", "VARCHAR", "所属社区", "community it lies in"),
      col("code", "VARCHAR", "统计区划代码", "statistical division code"),
      col("aliases", "VARCHAR", "别名（以|分隔）", "aliases, separated by |"),
      col("compound_type", "VARCHAR", "小区类型", "compound type: old/modern/resettlement"),
      col("built_year", "INTEGER", "建成年份", "year built"),
      col("households", "INTEGER", "户数", "households"),
      col("occupied_households", "INTEGER", "常住户数", "households lived in"),
      col("rented_households", "INTEGER", "出租户数", "rented households"),
      col("shops", "INTEGER", "商铺数", "shops"),
      col("has_property_management", "BOOLEAN", "有物业", "has property management"),
      col("area_m2", "DOUBLE", "面积（平方米）", "area in m²"),
      col("lon", "DOUBLE", "中心经度", "centroid longitude"),
      col("lat", "DOUBLE", "中心纬度", "centroid latitude"),
      col("geometry", "VARCHAR", "边界（GeoJSON）", "boundary as GeoJSON geometry"),
    ],
  },
  {
    name: "buildings",
    zh: "楼栋",
    en: "Buildings",
    key: ["building_id"],
    columns: [
      col("building_id", "VARCHAR", "楼栋编号", "building id", true),
      col("compound_id", "VARCHAR", "所属小区", "compound id"),
      col("name", "VARCHAR", "楼栋名", "name, e.g. 3栋", true),
      col("floors", "INTEGER", "层数", "floors"),
      col("units", "INTEGER", "单元数", "entrances (单元)"),
      col("households", "INTEGER", "户数", "households"),
      col("height", "DOUBLE", "高度（米）", "height in m"),
      col("lon", "DOUBLE", "中心经度", "centroid longitude"),
      col("lat", "DOUBLE", "中心纬度", "centroid latitude"),
      col("geometry", "VARCHAR", "轮廓（GeoJSON）", "footprint as GeoJSON geometry"),
    ],
  },
  {
    name: "map_features",
    zh: "底图要素：道路、水系",
    en: "Basemap features: roads and water",
    key: ["feature_id"],
    columns: [
      col("feature_id", "VARCHAR", "要素编号", "feature id", true),
      col("layer", "VARCHAR", "图层", "layer: road/water", true),
      col("kind", "VARCHAR", "类别", "kind, e.g. primary/secondary/river"),
      col("name", "VARCHAR", "名称", "name"),
      col("geometry", "VARCHAR", "几何（GeoJSON）", "GeoJSON geometry", true),
    ],
  },
  {
    name: "branches",
    zh: "小区党支部",
    en: "Compound party branches",
    key: ["branch_id"],
    columns: [
      col("branch_id", "VARCHAR", "支部编号", "branch id", true),
      col("name", "VARCHAR", "支部名称", "name", true),
      col("kind", "VARCHAR", "类型", "branch / general_branch / joint_branch", true),
      col("community_id", "VARCHAR", "所属社区", "community id"),
      col("founded_on", "DATE", "成立日期", "founded on"),
    ],
  },
  {
    name: "branch_compounds",
    zh: "支部覆盖的小区",
    en: "Compounds each branch covers",
    key: ["branch_id", "compound_id"],
    columns: [
      col("branch_id", "VARCHAR", "支部编号", "branch id", true),
      col("compound_id", "VARCHAR", "小区编号", "compound id", true),
    ],
  },
  {
    name: "building_groups",
    zh: "楼栋党小组",
    en: "Building party groups",
    key: ["group_id"],
    columns: [
      col("group_id", "VARCHAR", "党小组编号", "group id", true),
      col("branch_id", "VARCHAR", "所属支部", "branch id"),
      col("name", "VARCHAR", "名称", "name"),
      col("members", "INTEGER", "党员数", "members", true),
    ],
  },
  {
    name: "group_buildings",
    zh: "党小组覆盖的楼栋",
    en: "Buildings each group covers",
    key: ["group_id", "building_id"],
    columns: [
      col("group_id", "VARCHAR", "党小组编号", "group id", true),
      col("building_id", "VARCHAR", "楼栋编号", "building id", true),
    ],
  },
  {
    name: "member_households",
    zh: "党员中心户",
    en: "Member households",
    key: ["member_household_id"],
    columns: [
      col("member_household_id", "VARCHAR", "中心户编号", "member household id", true),
      col("building_id", "VARCHAR", "所在楼栋", "building id", true),
      col("households_linked", "INTEGER", "联系户数", "households linked", true),
    ],
  },
  {
    name: "compound_members",
    zh: "小区登记党员",
    en: "Members registered per compound",
    key: ["compound_id", "kind"],
    columns: [
      col("compound_id", "VARCHAR", "小区编号", "compound id", true),
      col("kind", "VARCHAR", "类别", "resident / working_registered (双报到) / retired", true),
      col("members", "INTEGER", "人数", "members", true),
    ],
  },
  {
    name: "tickets",
    zh: "群众诉求工单",
    en: "Residents' tickets",
    key: ["ticket_id"],
    columns: [
      col("ticket_id", "VARCHAR", "工单编号", "ticket id", true),
      col("created_at", "TIMESTAMP", "受理时间（UTC）", "received (UTC)", true),
      col("dispatched_at", "TIMESTAMP", "派单时间（UTC）", "dispatched (UTC)"),
      col("accepted_at", "TIMESTAMP", "接单时间（UTC）", "accepted (UTC)"),
      col("closed_at", "TIMESTAMP", "办结时间（UTC）", "closed (UTC)"),
      col("due_at", "TIMESTAMP", "办理时限（UTC）", "due (UTC), when the source gives one"),
      col("status", "VARCHAR", "状态", "open / closed", true),
      col("status_source", "VARCHAR", "原始状态", "status as the source wrote it"),
      col("kind", "VARCHAR", "诉求类型", "enquiry / complaint / suggestion / help / report / praise"),
      col("kind_source", "VARCHAR", "原始诉求类型", "kind as the source wrote it"),
      col("category", "VARCHAR", "问题分类", "category"),
      col("source", "VARCHAR", "来源渠道", "source channel"),
      personal("text", "description", "诉求内容", "description (free text, may hold personal data)"),
      personal("address", "address", "地址", "address as written"),
      personal("name", "reporter_name", "诉求人", "reporter's name (personal data)"),
      personal("phone", "reporter_phone", "联系电话", "reporter's phone (personal data)"),
      col("lon", "DOUBLE", "经度", "longitude (WGS84)"),
      col("lat", "DOUBLE", "纬度", "latitude (WGS84)"),
      col("building_id", "VARCHAR", "楼栋", "building id"),
      col("compound_id", "VARCHAR", "小区", "compound id"),
      col("grid_id", "VARCHAR", "网格", "grid id"),
      col("community_id", "VARCHAR", "社区", "community id"),
      col("street_id", "VARCHAR", "街道", "street id"),
      col("h3_r7", "VARCHAR", "H3 7级格", "H3 cell, resolution 7"),
      col("h3_r8", "VARCHAR", "H3 8级格", "H3 cell, resolution 8"),
      col("h3_r9", "VARCHAR", "H3 9级格", "H3 cell, resolution 9"),
      col("resolved_level", "VARCHAR", "解决层级", "level resolved at: building … district"),
      col("handler", "VARCHAR", "承办人/单位", "handler"),
      col("merged_into", "VARCHAR", "并入工单", "ticket this one was merged into"),
      col("reopened", "BOOLEAN", "重新办理", "reopened after an unsatisfied callback"),
      col("published_at", "TIMESTAMP", "公示时间（UTC）", "handling result published (UTC), 7日内公示"),
      personal("text", "reply", "答复意见", "reply to the resident: what was done (free text, may hold personal data)"),
    ],
  },
  {
    name: "callbacks",
    zh: "回访",
    en: "Callbacks",
    key: ["ticket_id", "called_at"],
    columns: [
      col("ticket_id", "VARCHAR", "工单编号", "ticket id", true),
      col("called_at", "TIMESTAMP", "回访时间（UTC）", "called (UTC)", true),
      col("result", "VARCHAR", "满意度", "satisfied / basic / unsatisfied"),
      col("result_source", "VARCHAR", "原始满意度", "result as the source wrote it"),
      col("channel", "VARCHAR", "回访方式", "phone / visit / sms"),
    ],
  },
  {
    name: "import_notes",
    zh: "导入数据质量说明",
    en: "Data-quality notes of imports: a field at fault in a row that was kept",
    key: ["import_id", "note_no"],
    columns: [
      col("import_id", "VARCHAR", "导入批次", "import: store version it wrote", true),
      col("note_no", "INTEGER", "序号", "note number within the import", true),
      col("table_name", "VARCHAR", "数据表", "table imported into", true),
      col("file", "VARCHAR", "文件", "file name", true),
      col("row", "INTEGER", "行号", "row in the file (header = 1; 0 for the whole file)", true),
      col("record_id", "VARCHAR", "记录编号", "the row's key, when known"),
      col("field", "VARCHAR", "字段", "field at fault (empty: the row)"),
      {
        ...personal("text", "problem", "问题", "what was wrong (may quote the value, so personal data)"),
        required: true,
      },
      col("action", "VARCHAR", "处理", "what the importer did", true),
      col("noted_at", "TIMESTAMP", "导入时间（UTC）", "imported (UTC)", true),
    ],
  },
  {
    name: "calendar",
    zh: "工作日历（法定节假日与调休）",
    en: "Working calendar: public holidays and make-up working days (调休)",
    key: ["date"],
    columns: [
      col("date", "DATE", "日期（本地）", "local date", true),
      col("is_workday", "BOOLEAN", "是否工作日", "is a working day", true),
      col("holiday", "VARCHAR", "节假日", "holiday the day belongs to or, on a make-up working day, makes up for"),
      col("workday_seq", "INTEGER", "工作日序号", "working days from the first date up to this one, inclusive", true),
    ],
  },
];

/**
 * Per table, the columns that identify or describe a resident (those declared with a
 * `personal` kind). The server masks them for masked roles and leaves them out of the
 * wall's data altogether (lib/access/scope.ts).
 */
export const PERSONAL_COLUMNS: Record<string, string[]> = Object.fromEntries(
  TABLES.map((t) => [t.name, t.columns.filter((c) => c.personal).map((c) => c.name)]).filter(([, c]) => c.length),
);

/**
 * A table the server derives for a scope (not a table of the store): columns named and
 * typed only, so it can be written as the store writes its tables.
 */
export function derivedTable(name: string, zh: string, en: string, columns: [string, ColumnType][]): Table {
  return { name, zh, en, key: [], columns: columns.map(([c, type]) => ({ name: c, type, zh: c, en: c })) };
}

export function table(name: string): Table {
  const t = TABLES.find((t) => t.name === name);
  if (!t) throw new Error(`unknown table "${name}"`);
  return t;
}

/** A table's data in columnar form, the shape the store writer and readers exchange. */
export type Columns = Record<string, unknown[]>;
