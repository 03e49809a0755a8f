/** Numbers as Chinese readers expect them: 万 for large counts, percentages with one decimal. */
import type { Lang } from "./i18n.ts";

export function formatCount(n: number | null | undefined, lang: Lang): string {
  if (n == null || !Number.isFinite(n)) return "—";
  if (lang === "zh-CN" && Math.abs(n) >= 100_000) {
    return `${(n / 10_000).toLocaleString("zh-CN", { maximumFractionDigits: 1 })}万`;
  }
  return Math.round(n).toLocaleString(lang);
}

export function formatPercent(ratio: number | null | undefined, lang: Lang): string {
  if (ratio == null || !Number.isFinite(ratio)) return "—";
  return (ratio * 100).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + "%";
}
