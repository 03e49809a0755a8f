/**
 * Every user-facing string, Chinese first, English second. Views call `t(lang, key)`;
 * a key missing in English falls back to Chinese, never to the key itself.
 */
export const LANGS = ["zh-CN", "en"] as const;
export type Lang = typeof LANGS[number];

const MESSAGES = {
  "app.name": ["邻里", "Linli"],
  "app.tagline": ["基层治理监督", "Neighbourhood governance supervision"],
  "app.demo": ["示范数据", "Demo data"],
  "nav.overview": ["区情总览", "Overview"],
  "nav.map": ["地图", "Map"],
  "nav.wall": ["大屏", "Wall"],
  "nav.sql": ["数据查询", "SQL"],
  "lang.switch": ["English", "中文"],
  "state.loading": ["正在加载数据…", "Loading data…"],
  "state.loading_engine": ["正在启动分析引擎…", "Starting the analysis engine…"],
  "state.error": ["加载失败：{message}", "Failed to load: {message}"],
  "state.empty": ["暂无数据", "No data"],
  "state.data_as_of": ["数据截至 {time}", "Data as of {time}"],
  "metric.tickets_total": ["工单总数", "Tickets"],
  "metric.tickets_30d": ["近30天新增", "New, last 30 days"],
  "metric.open": ["未办结", "Open"],
  "metric.satisfaction": ["满意率", "Satisfaction"],
  "metric.compounds": ["小区", "Compounds"],
  "metric.buildings": ["楼栋", "Buildings"],
  "metric.branch_coverage": ["支部覆盖率", "Compounds with a branch"],
  "metric.households": ["户数", "Households"],
  "level.district": ["区", "District"],
  "level.street": ["街道", "Street"],
  "level.community": ["社区", "Community"],
  "level.grid": ["网格", "Grid"],
  "level.compound": ["小区", "Compound"],
  "level.building": ["楼栋", "Building"],
  "overview.by_street": ["各街道工单", "Tickets by street"],
  "overview.map_title": ["小区工单密度（每千户）", "Tickets per 1,000 households by compound"],
  "map.streets": ["街道", "Streets"],
  "wall.title": ["基层治理监督大屏", "Governance supervision"],
  "sql.title": ["数据查询", "SQL workbench"],
  "sql.run": ["运行", "Run"],
  "sql.rows": ["{n} 行，用时 {ms} 毫秒", "{n} rows in {ms} ms"],
  "sql.placeholder": ["输入 SQL，按 Ctrl+Enter 运行", "Type SQL, Ctrl+Enter to run"],
  "sql.cancel": ["取消", "Cancel"],
  "sql.running": ["正在查询…", "Running…"],
  "sql.cancelled": ["查询已取消", "Query cancelled"],
  "sql.error_at": ["第 {line} 行第 {column} 列附近出错", "Error near line {line}, column {column}"],
  "sql.schema": ["数据表", "Tables"],
  "sql.view": ["视图", "view"],
  "sql.rows_count": ["{n} 行", "{n} rows"],
  "sql.insert_hint": ["点击插入名称", "Click to insert the name"],
  "sql.examples": ["示例查询", "Examples"],
  "sql.saved": ["已保存", "Saved"],
  "sql.history": ["历史", "History"],
  "sql.save": ["保存", "Save"],
  "sql.save_name": ["查询名称", "Query name"],
  "sql.delete": ["删除", "Delete"],
  "sql.copy_link": ["复制链接", "Copy link"],
  "sql.link_copied": ["链接已复制", "Link copied"],
  "sql.tab_table": ["表格", "Table"],
  "sql.tab_chart": ["图表", "Chart"],
  "sql.tab_map": ["地图", "Map"],
  "sql.no_chart": ["此结果没有可作图的数值列", "This result has no numeric column to chart"],
  "sql.no_map": [
    "此结果没有经纬度、地点编号、楼栋编号或 H3 格",
    "This result has no lon/lat, place id, building id or H3 cell",
  ],
  "sql.export": ["导出", "Export"],
  "sql.bring_in": ["导入 CSV/XLSX", "Bring in CSV/XLSX"],
  "sql.brought_in": [
    "已导入为表 {table}（{n} 行），仅在本浏览器中",
    "Brought in as table {table} ({n} rows), in this browser only",
  ],
  "sql.local_only": ["查询只在本浏览器中运行", "Queries run only in this browser"],
  "sql.empty_result": ["查询成功，没有返回行", "The query returned no rows"],
  "legend.low": ["低", "Low"],
  "legend.high": ["高", "High"],
  "attribution.demo": ["示范数据，虚构地区", "Demo data, fictional district"],
  "error.not_found": ["页面不存在", "Page not found"],
  "error.not_found_hint": ["请检查地址，或返回首页。", "Check the address or go back to the overview."],
  "error.server": ["服务器出错", "Server error"],
  "error.back_home": ["返回首页", "Back to the overview"],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[key][lang === "en" ? 1 : 0] || MESSAGES[key][0];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
}

/** `?lang=en` selects English; anything else is Chinese. */
export function langFromUrl(url: URL): Lang {
  return url.searchParams.get("lang") === "en" ? "en" : "zh-CN";
}
