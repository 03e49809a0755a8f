/** Numbers as Chinese readers expect them: 万 for large counts, percentages with one decimal. */
import type { Lang } from "./i18n.ts";
import { DEPLOYMENT_TIME_ZONE } from "./time.ts";

// One formatter per style, made once: `toLocaleString` builds a new one on every call, which
// a page formatting hundreds of figures per filter change pays for in frames.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = new Intl.NumberFormat(lang, options));
  return f;
}

export function formatCount(n: number | null | undefined, lang: Lang): string {
  if (n == null || !Number.isFinite(n)) return "—";
  if (lang === "zh-CN" && Math.abs(n) >= 100_000) {
    return `${formatter("zh-CN", { maximumFractionDigits: 1 }).format(n / 10_000)}万`;
  }
  return formatter(lang, { maximumFractionDigits: 0 }).format(Math.round(n));
}

export function formatPercent(ratio: number | null | undefined, lang: Lang): string {
  if (ratio == null || !Number.isFinite(ratio)) return "—";
  return formatter(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio * 100) + "%";
}

/** A UTC time as the district's staff read it, `2026-12-01 19:58:03`, in the deployment's zone. */
export function formatLocalTime(iso: string): string {
  return new Date(iso).toLocaleString("sv-SE", { timeZone: DEPLOYMENT_TIME_ZONE });
}

/** An instant (epoch ms) as the district's clock reads it, to the minute; "—" when there is none. */
export function formatDateTime(ms: unknown, lang: Lang): string {
  if (ms == null || !Number.isFinite(Number(ms))) return "—";
  return new Date(Number(ms)).toLocaleString(lang, {
    timeZone: DEPLOYMENT_TIME_ZONE,
    dateStyle: "short",
    timeStyle: "short",
  });
}
