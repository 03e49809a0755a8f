/** What a view shows while its data loads or when it failed: never a blank or a zero. */
import { type Lang, t } from "../../lib/i18n.ts";
import type { QueryState } from "./use_store_query.ts";

export function StatusMessage({ state, lang }: { state: QueryState<unknown>; lang: Lang }) {
  if (state.status === "loading") return <p class="status" role="status">{t(lang, "state.loading")}</p>;
  if (state.status === "error") {
    return <p class="status status-error" role="alert">{t(lang, "state.error", { message: state.message })}</p>;
  }
  return null;
}
