/**
 * The map page's state lives in the URL: changing place pushes a history entry (so the
 * browser's back button climbs back up), everything else replaces the current one.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { applyChange, decodeState, encodeState, type MapState } from "../../lib/drill/state.ts";
import type { Lang } from "../../lib/i18n.ts";

export type UpdateState = (change: Partial<MapState>, mode?: "push" | "replace") => void;

export function useUrlState(lang: Lang): [MapState, UpdateState] {
  const [state, setState] = useState<MapState>(() => decodeState(location.search));
  useEffect(() => {
    const onPop = () => setState(decodeState(location.search));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const update = useCallback<UpdateState>((change, mode = "replace") => {
    setState((current) => {
      const next = applyChange(current, change);
      const url = `${location.pathname}${encodeState(next, lang)}`;
      if (mode === "push") history.pushState(null, "", url);
      else history.replaceState(null, "", url);
      return next;
    });
  }, [lang]);
  return [state, update];
}
