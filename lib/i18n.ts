/**
 * Every user-facing string, Chinese first, English second. Views call `t(lang, key)`;
 * a key missing in English falls back to Chinese, never to the key itself.
 */
import { ACCESS_MESSAGES } from "./i18n/access.ts";
import { ALERT_MESSAGES } from "./i18n/alerts.ts";
import { COMMON_MESSAGES } from "./i18n/common.ts";
import { DATA_MESSAGES } from "./i18n/data.ts";
import { DRILL_MESSAGES } from "./i18n/drill.ts";
import { QUALITY_MESSAGES } from "./i18n/quality.ts";
import { WORKBENCH_MESSAGES } from "./i18n/workbench.ts";
import { REVIEW_MESSAGES } from "./i18n/reviews.ts";
import { WALL_MESSAGES } from "./i18n/wall.ts";

const LANGS = ["zh-CN", "en"] as const;
export type Lang = typeof LANGS[number];

/**
 * The one table: each area of the product keeps its messages in a file of
 * lib/i18n/, and every key must be unique across them (a test checks).
 */
export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...DRILL_MESSAGES,
  ...WORKBENCH_MESSAGES,
  ...REVIEW_MESSAGES,
  ...WALL_MESSAGES,
  ...ACCESS_MESSAGES,
  ...DATA_MESSAGES,
  ...QUALITY_MESSAGES,
  ...ALERT_MESSAGES,
};

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[key][lang === "en" ? 1 : 0] || MESSAGES[key][0];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
}

/** The text of a key that may not exist (a code the tables do not know): the fallback, then. */
export function textOr(lang: Lang, key: string, fallback: string): string {
  return key in MESSAGES ? t(lang, key as MessageKey) : fallback;
}

/** A link to one of our pages in the given language: Chinese is the default, so it needs no parameter. */
export function langHref(path: string, lang: Lang): string {
  return lang === "en" ? `${path}?lang=en` : path;
}

/** `?lang=en` selects English; anything else is Chinese. */
export function langFromUrl(url: URL): Lang {
  return url.searchParams.get("lang") === "en" ? "en" : "zh-CN";
}

/** The same page, state and all, in the other language. */
export function otherLanguageHref(url: URL, lang: Lang): string {
  const other = new URL(url);
  if (lang === "en") other.searchParams.delete("lang");
  else other.searchParams.set("lang", "en");
  return other.pathname + other.search;
}
