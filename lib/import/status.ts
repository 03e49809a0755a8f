/**
 * Ticket statuses to the canonical open/closed; the source's own word is kept in
 * `status_source`. A status not listed here is open unless the row has a closing time.
 */
const CLOSED = [
  "已办结",
  "办结",
  "已关闭",
  "关闭",
  "已完成",
  "完成",
  "已结案",
  "结案",
  "已回访",
  "回访",
  "已评价",
  "评价",
  "已归档",
  "closed",
  "resolved",
  "completed",
  "complete",
  "done",
  "cancelled",
  "canceled",
  "archived",
];
const OPEN = [
  "受理",
  "已受理",
  "待受理",
  "派单",
  "已派单",
  "签收",
  "已签收",
  "协商中",
  "部门呼叫中",
  "督办",
  "退单",
  "改派",
  "处理中",
  "办理中",
  "open",
  "pending",
  "in progress",
  "inprogress",
  "assigned",
  "new",
  "started",
  "acknowledged",
  "received",
];

const STATUS = new Map<string, "open" | "closed">([
  ...CLOSED.map((s) => [s, "closed"] as const),
  ...OPEN.map((s) => [s, "open"] as const),
]);

export function normalizeStatus(source: string | null, closedAt: number | null): "open" | "closed" {
  const known = source === null ? undefined : STATUS.get(source.trim().toLowerCase());
  return known ?? (closedAt === null ? "open" : "closed");
}

const RESULTS = new Map<string, string>([
  ...["满意", "非常满意", "很满意", "satisfied", "very satisfied"].map((s) => [s, "satisfied"] as [string, string]),
  ...["基本满意", "一般", "较满意", "比较满意", "basic", "neutral"].map((s) => [s, "basic"] as [string, string]),
  ...["不满意", "很不满意", "非常不满意", "unsatisfied", "dissatisfied"].map((s) =>
    [s, "unsatisfied"] as [string, string]
  ),
]);

/** A callback's satisfaction as one of CALLBACK_RESULTS, or null when the text is none of them. */
export function normalizeResult(text: string): string | null {
  return RESULTS.get(text.trim().toLowerCase()) ?? null;
}
