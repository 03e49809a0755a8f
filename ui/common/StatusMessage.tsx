/** What a view shows while its data loads or when it failed: never a blank or a zero. */
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import type { QueryState } from "./use_store_query.ts";

/** `loading`: what the view says while it waits, when more is known than "loading" (the alerts being computed). */
export function StatusMessage(
  { state, lang, loading = "state.loading" }: { state: QueryState<unknown>; lang: Lang; loading?: MessageKey },
) {
  if (state.status === "loading") return <p class="status" role="status">{t(lang, loading)}</p>;
  if (state.status === "error") {
    return <p class="status status-error" role="alert">{t(lang, "state.error", { message: state.message })}</p>;
  }
  return null;
}
